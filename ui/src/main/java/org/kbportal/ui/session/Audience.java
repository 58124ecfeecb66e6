package org.kbportal.ui.session;

import org.kbportal.ui.client.LoginResult;

/**
 * Who may open a page, as a page's {@link Access} declares it. The backend checks the role again on
 * every call; the check before a page opens only spares users a page full of errors.
 */
public enum Audience {
    /** Anyone, signed in or not. */
    EVERYONE,
    /** Any signed-in user. */
    SIGNED_IN,
    /** Experts and administrators (who work on questions and write drafts). */
    EXPERT,
    /** Administrators. */
    ADMIN,
    /** Security administrators only: separation of duties means an ADMIN does not pass. */
    SECURITY_ADMIN,
    /** Auditors only: separation of duties means an ADMIN does not pass. */
    AUDITOR;

    /** Whether a signed-in user with this login belongs to the audience. */
    public boolean admits(LoginResult login) {
        return switch (this) {
            case EVERYONE, SIGNED_IN -> true;
            case EXPERT -> login.hasRole(LoginResult.EXPERT) || login.isAdmin();
            case ADMIN -> login.isAdmin();
            case SECURITY_ADMIN -> login.hasRole(LoginResult.SECURITY_ADMIN);
            case AUDITOR -> login.hasRole(LoginResult.AUDITOR);
        };
    }
}
