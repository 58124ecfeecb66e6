package org.kbportal.backend.account;

import java.security.Principal;
import java.util.Set;

/** The authenticated caller of a request. */
public record KbPrincipal(long userId, String username, String displayName, Set<Role> roles) implements Principal {

    @Override
    public String getName() {
        return username;
    }
}
