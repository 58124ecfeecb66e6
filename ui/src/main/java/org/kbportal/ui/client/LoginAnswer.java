package org.kbportal.ui.client;

import java.time.Instant;
import java.util.Set;

/**
 * The backend's answer to a password (or to the second step): either a login, or for an account with a
 * second factor {@code mfaRequired} and the {@code mfaToken} of the second step.
 *
 * @param passwordChangeRequired an administrator set the password (or it expired): only the change is allowed
 * @param mfaEnrolmentRequired the user's role requires a second factor not yet set up: the token is good
 *     for the enrolment only
 */
public record LoginAnswer(
        String token,
        Set<String> roles,
        String username,
        String displayName,
        Instant expiresAt,
        boolean mfaRequired,
        String mfaToken,
        boolean mfaEnrolmentRequired,
        boolean passwordChangeRequired) {

    /** The login (when this is one). */
    public LoginResult login() {
        return new LoginResult(token, roles, username, displayName, expiresAt, passwordChangeRequired);
    }
}
