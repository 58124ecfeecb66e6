package org.kbportal.backend.account;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kb.mfa.*}: the second factor.
 *
 * @param requiredRoles role names whose holders must sign in with a second factor ({@code
 *     KB_MFA_REQUIRED_ROLES}; demo: none, {@code prod}: ADMIN, SECURITY_ADMIN, AUDITOR). Until such a user
 *     has enrolled, their login token is good for enrolling only
 * @param issuer the name authenticator apps show beside the account
 */
@ConfigurationProperties("kb.mfa")
public record MfaProperties(
        @DefaultValue List<String> requiredRoles,
        @DefaultValue("KB Portal") String issuer) {

    /** Whether a holder of {@code roles} must use a second factor. */
    boolean requiredFor(java.util.Collection<Role> roles) {
        return roles.stream()
                .anyMatch(r -> requiredRoles.stream().anyMatch(n -> n.strip().equalsIgnoreCase(r.name())));
    }
}
