package org.kbportal.ui.client;

import java.time.Instant;
import java.util.Set;

/**
 * A finished OpenID Connect sign-in: the portal's login and where to end the provider's session on
 * logout (null when the provider has no RP-initiated logout).
 */
public record OidcSignIn(
        String token, Set<String> roles, String username, String displayName, Instant expiresAt, String logoutUri) {

    public LoginResult login() {
        // the organisation keeps the password: never a forced local change
        return new LoginResult(token, roles, username, displayName, expiresAt, false);
    }
}
