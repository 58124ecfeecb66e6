package org.kbportal.backend.question;

import java.util.Set;
import org.kbportal.backend.account.Role;
import org.kbportal.backend.duty.Expert;

/**
 * The signed-in user behind a request, with their organisation ({@code orgId}, and its name {@code
 * unit}) and (if any) expert record.
 */
record Caller(long id, String username, Set<Role> roles, boolean enabled, Long orgId, String unit, Expert expert) {

    boolean admin() {
        return enabled && roles.contains(Role.ADMIN);
    }

    /**
     * Expert rights (queue, skills, claiming, questions worked on): an enabled account with the EXPERT
     * role and an active expert record. Having an expert record is not enough.
     */
    boolean activeExpert() {
        return enabled && roles.contains(Role.EXPERT) && expert != null && expert.active();
    }
}
