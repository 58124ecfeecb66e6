package org.kbportal.backend.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kbportal.backend.account.DirectoryAccounts.Profile;
import org.kbportal.backend.account.DirectoryAccounts.Source;
import org.kbportal.backend.audit.AuditLog;
import org.kbportal.backend.system.KbException;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Maps a validated OpenID Connect ID token to a portal account ({@code kb.oidc.*} claims): refuses it without
 * the required claim, resolves the organisation, maps groups to roles, and creates or refreshes the OIDC
 * account of that name ({@code 409 urn:kb:oidc-account-conflict} when the name is a local or directory
 * account's or another subject's).
 */
@Component
class OidcAccounts {

    private final OidcSettings settings;
    private final Map<String, Role> roleMap;
    private final DirectoryAccounts accounts;
    private final UserRepository users;
    private final OrganisationService organisations;
    private final AuditLog audit;
    private final Clock clock;

    OidcAccounts(
            OidcSettings settings,
            DirectoryAccounts accounts,
            UserRepository users,
            OrganisationService organisations,
            AuditLog audit,
            Clock clock) {
        this.settings = settings;
        this.roleMap = settings.roleMap();
        this.accounts = accounts;
        this.users = users;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    /** The enabled portal account of the token's user, created or refreshed from its claims. */
    Mono<UserAccount> account(Jwt jwt, String address) {
        if (!settings.requiredClaim().isBlank() && !holds(jwt.getClaims().get(settings.requiredClaim()))) {
            return audit.record(
                            null,
                            "auth.login-failed",
                            claim(jwt, settings.usernameClaim()),
                            403,
                            "OpenID Connect: required claim '" + settings.requiredClaim() + "' missing",
                            address)
                    .then(Mono.error(new KbException(
                            HttpStatus.FORBIDDEN,
                            "oidc-refused",
                            "Not allowed to sign in",
                            "Your organisation's account is not allowed to use this portal (claim '"
                                    + settings.requiredClaim() + "'). Ask your administrator for access.",
                            Map.of("claim", settings.requiredClaim()))));
        }
        String username = claim(jwt, settings.usernameClaim());
        if (username == null) {
            username = jwt.getSubject();
        }
        String name = username.length() > 64 ? username.substring(0, 64) : username;
        String externalId = jwt.getIssuer() + "|" + jwt.getSubject();
        String org = settings.organisationClaim().isBlank() ? null : claim(jwt, settings.organisationClaim());
        Mono<Optional<Organisation>> organisation = org == null
                ? Mono.just(Optional.empty())
                : organisations
                        .resolve(org)
                        .map(Optional::of)
                        .onErrorResume(KbException.class, e -> Mono.just(Optional.empty()));
        Instant now = clock.instant();
        return organisation.flatMap(o -> {
            String display = claim(jwt, settings.nameClaim());
            Profile p = new Profile(
                    name,
                    externalId,
                    clip(display == null ? name : display, 100),
                    clip(claim(jwt, settings.emailClaim()), 200),
                    clip(claim(jwt, settings.phoneClaim()), 50),
                    o.map(Organisation::name).orElse(null),
                    o.map(Organisation::id).orElse(null),
                    roles(jwt));
            return accounts.origin(name)
                    .map(Optional::of)
                    .defaultIfEmpty(Optional.empty())
                    .flatMap(existing -> {
                        if (existing.isEmpty()) {
                            return accounts.insert(Source.OIDC, p, now);
                        }
                        DirectoryAccounts.Origin e = existing.get();
                        if (e.source() != Source.OIDC
                                || (e.externalId() != null && !e.externalId().equals(externalId))) {
                            return Mono.error(KbException.conflict(
                                    "oidc-account-conflict",
                                    "The user name '" + name + "' belongs to another account; ask an administrator."));
                        }
                        return accounts.refresh(e.userId(), p, now);
                    })
                    .then(users.findByUsername(name))
                    .flatMap(u -> u.enabled()
                            ? Mono.just(u)
                            : Mono.error(new KbException(
                                    HttpStatus.FORBIDDEN,
                                    "account-disabled",
                                    "Account disabled",
                                    "This account is disabled in the portal; ask an administrator.")));
        });
    }

    private boolean holds(Object value) {
        if (value == null) {
            return false;
        }
        if (settings.requiredValue().isBlank()) {
            return true;
        }
        return values(value).contains(settings.requiredValue());
    }

    private Set<Role> roles(Jwt jwt) {
        return Role.ofGroups(roleMap, values(jwt.getClaims().get(settings.groupsClaim())));
    }

    private static List<String> values(Object value) {
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        if (value == null) {
            return List.of();
        }
        return List.of(String.valueOf(value).split("\\s*,\\s*"));
    }

    private static String claim(Jwt jwt, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        Object v = jwt.getClaims().get(name);
        return v == null || String.valueOf(v).isBlank()
                ? null
                : String.valueOf(v).strip();
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
