package org.kbportal.backend.account;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a user may do: ask and read (USER), answer (EXPERT), curate and run the service (ADMIN, the system
 * administrator), manage accounts and security settings (SECURITY_ADMIN), read the audit log (AUDITOR).
 * The last three are the separated duties (三权分立): no account holds ADMIN together with either of the others.
 */
public enum Role {
    USER,
    EXPERT,
    ADMIN,
    SECURITY_ADMIN,
    AUDITOR;

    /** The roles ADMIN may not be combined with. */
    static final Set<Role> SEPARATED_FROM_ADMIN = EnumSet.of(SECURITY_ADMIN, AUDITOR);

    /** The conflicting pairs in a set of roles, e.g. {@code ["ADMIN+AUDITOR"]}; empty when it is allowed. */
    static java.util.List<String> conflicts(Set<Role> roles) {
        if (roles == null || !roles.contains(ADMIN)) {
            return java.util.List.of();
        }
        return SEPARATED_FROM_ADMIN.stream()
                .filter(roles::contains)
                .map(r -> ADMIN.name() + "+" + r.name())
                .toList();
    }

    /**
     * The roles {@code roleMap} (group → role) grants to a member of {@code groups}; USER when it grants none
     * (directory and OpenID Connect sign-in).
     */
    static Set<Role> ofGroups(java.util.Map<String, Role> roleMap, java.util.Collection<String> groups) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roleMap.forEach((group, role) -> {
            if (groups.contains(group)) {
                roles.add(role);
            }
        });
        if (roles.isEmpty()) {
            roles.add(USER);
        }
        return roles;
    }
}
