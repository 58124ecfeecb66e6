package org.kbportal.backend.question;

import java.util.Set;
import org.kbportal.backend.account.Role;
import org.kbportal.backend.duty.Expert;

/** The signed-in user behind a request, with their organisation and (if any) expert record. */
record Caller(long id, String username, Set<Role> roles, String unit, Expert expert) {

    boolean admin() {
        return roles.contains(Role.ADMIN);
    }

    boolean activeExpert() {
        return expert != null && expert.active() && roles.contains(Role.EXPERT);
    }
}
