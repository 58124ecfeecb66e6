package org.kbportal.backend.account;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * OpenID Connect sign-in ({@code kb.oidc.*}, {@code KB_OIDC_*}); the provider itself is Spring Boot's
 * {@code spring.security.oauth2.client.registration.<id>.*} and {@code .provider.<id>.issuer-uri}.
 *
 * @param registration which registration to use (empty: the only one configured)
 * @param usernameClaim the portal user name
 * @param nameClaim display name
 * @param emailClaim e-mail address
 * @param phoneClaim telephone number
 * @param organisationClaim the organisation's name (empty: none)
 * @param groupsClaim a list (or comma-separated string) of groups or roles
 * @param roleValues {@code ROLE=group value;ROLE=group value}; a user with none of them gets USER
 * @param requiredClaim a claim that must be present to sign in (empty: none)
 * @param requiredValue a value {@code requiredClaim} must hold (or contain, for a list; empty: any)
 * @param pendingTtl how long a started sign-in may take at the provider
 */
@ConfigurationProperties("kb.oidc")
public record OidcSettings(
        @DefaultValue("") String registration,
        @DefaultValue("preferred_username") String usernameClaim,
        @DefaultValue("name") String nameClaim,
        @DefaultValue("email") String emailClaim,
        @DefaultValue("phone_number") String phoneClaim,
        @DefaultValue("organisation") String organisationClaim,
        @DefaultValue("groups") String groupsClaim,
        @DefaultValue("") String roleValues,
        @DefaultValue("") String requiredClaim,
        @DefaultValue("") String requiredValue,
        @DefaultValue("10m") Duration pendingTtl) {

    /** Group value → role, checked against {@link Role} when read. */
    public Map<String, Role> roleMap() {
        Map<String, Role> map = new LinkedHashMap<>();
        for (String pair : roleValues.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("kb.oidc.role-values: '" + pair.strip() + "' is not ROLE=value");
            }
            String role = pair.substring(0, eq).strip().toUpperCase(Locale.ROOT);
            try {
                map.put(pair.substring(eq + 1).strip(), Role.valueOf(role));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("kb.oidc.role-values: no role '" + role + "'", e);
            }
        }
        return map;
    }
}
