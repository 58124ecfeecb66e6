package org.kbportal.ui.client;

import java.time.Instant;
import java.util.Set;

/**
 * A successful login: the bearer token and who it belongs to.
 *
 * @param token bearer token for later calls
 * @param roles role names, e.g. {@code ADMIN}, {@code EXPERT}, {@code USER}, {@code SECURITY_ADMIN}, {@code AUDITOR}
 * @param username login name
 * @param displayName name to greet the user with (may be null)
 * @param expiresAt when the backend stops accepting the token
 * @param passwordChangeRequired the backend answers nothing but the password change until it is made
 */
public record LoginResult(
        String token,
        Set<String> roles,
        String username,
        String displayName,
        Instant expiresAt,
        boolean passwordChangeRequired) {

    public static final String ADMIN = "ADMIN";
    public static final String EXPERT = "EXPERT";
    public static final String SECURITY_ADMIN = "SECURITY_ADMIN";
    public static final String AUDITOR = "AUDITOR";

    public LoginResult {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return hasRole(ADMIN);
    }

    /** The display name, or the login name when the profile has none. */
    public String name() {
        return displayName == null || displayName.isBlank() ? username : displayName;
    }

    /** The same login after its password was changed. */
    public LoginResult withPasswordChanged() {
        return new LoginResult(token, roles, username, displayName, expiresAt, false);
    }

    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
