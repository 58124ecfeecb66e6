package org.kbportal.backend.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.kbportal.backend.audit.AuditLog;
import org.kbportal.backend.system.KbException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.client.oidc.authentication.ReactiveOidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Service;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * OpenID Connect sign-in, authorization code with PKCE, the backend in charge: {@link #start} keeps state,
 * nonce and the PKCE verifier server-side ({@code oidc_pending}, single use, {@code kb.oidc.pending-ttl})
 * and answers the provider's authorization URI; {@link #callback} takes the code and state back, exchanges
 * the code with the verifier, validates the ID token with Spring Security (signature through the provider's
 * JWKS, issuer, audience, expiry) and the nonce, has {@link OidcAccounts} map its claims to a portal account
 * and issues the portal's own token. The
 * provider comes from Spring Boot's {@code spring.security.oauth2.client.*} settings; its discovery document
 * is read on first use (so a provider that is down does not stop the portal from starting).
 */
@Service
public class OidcLogin {

    private static final Logger log = LoggerFactory.getLogger(OidcLogin.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Boot's registration settings, as far as the portal uses them. */
    public record RegistrationSettings(
            String clientId, String clientSecret, Set<String> scope, String clientName, String provider) {}

    /** Boot's provider settings: the issuer (discovery) is required. */
    public record ProviderSettings(String issuerUri) {}

    /** Whether OIDC is configured and the button's label (the registration's client-name). */
    public record Info(boolean configured, String label) {}

    private final Optional<String> registrationId;
    private final RegistrationSettings registration;
    private final ProviderSettings provider;
    private final OidcSettings settings;
    private final DatabaseClient db;
    private final OidcAccounts accounts;
    private final AccountService tokens;
    private final AuditLog audit;
    private final Clock clock;
    private final WebClient web = WebClient.create();
    private final AtomicReference<ClientRegistration> discovered = new AtomicReference<>();
    private final AtomicReference<ReactiveJwtDecoder> decoder = new AtomicReference<>();

    OidcLogin(
            Environment env,
            OidcSettings settings,
            DatabaseClient db,
            OidcAccounts accounts,
            AccountService tokens,
            AuditLog audit,
            Clock clock) {
        this.settings = settings;
        this.db = db;
        this.accounts = accounts;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
        Binder binder = Binder.get(env);
        Map<String, RegistrationSettings> regs = binder.bind(
                        "spring.security.oauth2.client.registration",
                        Bindable.mapOf(String.class, RegistrationSettings.class))
                .orElse(Map.of());
        Map<String, ProviderSettings> providers = binder.bind(
                        "spring.security.oauth2.client.provider", Bindable.mapOf(String.class, ProviderSettings.class))
                .orElse(Map.of());
        String id = settings.registration().isBlank()
                ? (regs.size() == 1 ? regs.keySet().iterator().next() : null)
                : settings.registration();
        if (id != null && !regs.containsKey(id)) {
            throw new IllegalStateException(
                    "kb.oidc.registration: no spring.security.oauth2.client.registration." + id);
        }
        if (id == null && regs.size() > 1) {
            throw new IllegalStateException("Several OIDC registrations: choose one with kb.oidc.registration");
        }
        this.registrationId = Optional.ofNullable(id);
        this.registration = id == null ? null : regs.get(id);
        String providerId = registration == null || registration.provider() == null ? id : registration.provider();
        this.provider = providerId == null ? null : providers.get(providerId);
        if (id != null && (provider == null || provider.issuerUri() == null || registration.clientId() == null)) {
            throw new IllegalStateException("OIDC registration '" + id
                    + "' needs client-id and spring.security.oauth2.client.provider." + providerId + ".issuer-uri");
        }
    }

    public Info info() {
        return new Info(registrationId.isPresent(), registration == null ? null : registration.clientName());
    }

    private Mono<ClientRegistration> client() {
        if (registrationId.isEmpty()) {
            return Mono.error(KbException.conflict("oidc-not-configured", "No OpenID Connect provider is configured."));
        }
        ClientRegistration known = discovered.get();
        if (known != null) {
            return Mono.just(known);
        }
        return Mono.fromCallable(() -> {
                    Set<String> scope =
                            registration.scope() == null || registration.scope().isEmpty()
                                    ? Set.of("openid", "profile", "email")
                                    : registration.scope();
                    ClientRegistration.Builder b = ClientRegistrations.fromIssuerLocation(provider.issuerUri())
                            .registrationId(registrationId.get())
                            .clientId(registration.clientId())
                            .scope(scope)
                            .redirectUri("{baseUrl}/login/oidc");
                    if (registration.clientSecret() == null
                            || registration.clientSecret().isBlank()) {
                        b.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
                    } else {
                        b.clientSecret(registration.clientSecret())
                                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
                    }
                    return b.build();
                })
                .subscribeOn(Schedulers.boundedElastic())
                .doOnNext(discovered::set)
                .onErrorMap(e -> !(e instanceof KbException), e -> {
                    log.warn("OIDC provider discovery failed: {}", e.toString());
                    return unavailable();
                });
    }

    private static KbException unavailable() {
        return new KbException(
                HttpStatus.SERVICE_UNAVAILABLE,
                "oidc-unavailable",
                "Sign-in provider unavailable",
                "The organisation's sign-in provider cannot be reached now; try again later. Local accounts still"
                        + " work.");
    }

    /** The provider's authorization URI for a new sign-in that comes back to {@code redirectUri}. */
    public Mono<String> start(String redirectUri) {
        return client().flatMap(c -> {
            String state = random(32);
            String nonce = random(32);
            String verifier = random(48);
            Instant expires = clock.instant().plus(settings.pendingTtl());
            String uri = UriComponentsBuilder.fromUriString(
                            c.getProviderDetails().getAuthorizationUri())
                    .queryParam("response_type", "code")
                    .queryParam("client_id", c.getClientId())
                    .queryParam("redirect_uri", redirectUri)
                    .queryParam("scope", String.join(" ", c.getScopes()))
                    .queryParam("state", state)
                    .queryParam("nonce", nonce)
                    .queryParam("code_challenge", challenge(verifier))
                    .queryParam("code_challenge_method", "S256")
                    .encode()
                    .build()
                    .toUriString();
            return db.sql("DELETE FROM oidc_pending WHERE expires_at < :now")
                    .bind("now", clock.instant().atOffset(ZoneOffset.UTC))
                    .then()
                    .then(db.sql("INSERT INTO oidc_pending (state_hash, nonce, code_verifier, redirect_uri, expires_at)"
                                    + " VALUES (:s, :n, :v, :r, :e)")
                            .bind("s", AccountService.hash(state))
                            .bind("n", nonce)
                            .bind("v", verifier)
                            .bind("r", redirectUri)
                            .bind("e", expires.atOffset(ZoneOffset.UTC))
                            .then())
                    .thenReturn(uri);
        });
    }

    private record Pending(String nonce, String verifier, String redirectUri, Instant expires) {}

    /** A finished sign-in: the portal's login and the provider's logout URI (null without one). */
    public record Result(AccountService.Login login, String logoutUri) {}

    /**
     * Finishes a sign-in: {@code 400 urn:kb:oidc-state} for an unknown, used or expired state, {@code 401
     * urn:kb:oidc-failed} when the code or the ID token does not hold, {@code 403 urn:kb:oidc-refused} when
     * the required claim is missing, {@code 409 urn:kb:oidc-account-conflict} when the name is a local or
     * directory account's.
     */
    public Mono<Result> callback(String code, String state, String address) {
        String key = AccountService.hash(state);
        Mono<Pending> pending = db.sql("SELECT nonce, code_verifier, redirect_uri, expires_at FROM oidc_pending"
                        + " WHERE state_hash = :s")
                .bind("s", key)
                .map(r -> new Pending(
                        r.get("nonce", String.class),
                        r.get("code_verifier", String.class),
                        r.get("redirect_uri", String.class),
                        r.get("expires_at", java.time.OffsetDateTime.class).toInstant()))
                .one()
                // single use: whoever deletes the row owns the sign-in
                .flatMap(p -> db.sql("DELETE FROM oidc_pending WHERE state_hash = :s")
                        .bind("s", key)
                        .fetch()
                        .rowsUpdated()
                        .filter(n -> n > 0)
                        .map(n -> p))
                .filter(p -> p.expires().isAfter(clock.instant()))
                .switchIfEmpty(Mono.error(() -> KbException.badRequest(
                        "oidc-state", "This sign-in is unknown, used or expired; start it again.")));
        return pending.flatMap(p -> client().flatMap(c -> exchange(c, code, p)
                .flatMap(idToken -> validate(c, idToken, p.nonce()))
                .flatMap(jwt -> accounts.account(jwt, address)
                        .flatMap(tokens::issueToken)
                        .flatMap(l -> audit.record(
                                        l.user().username(), "auth.login", null, 200, "OpenID Connect", address)
                                .thenReturn(new Result(l, logoutUri(c, jwt, p.redirectUri())))))));
    }

    private Mono<String> exchange(ClientRegistration c, String code, Pending p) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "authorization_code");
        form.add("code", code);
        form.add("redirect_uri", p.redirectUri());
        form.add("code_verifier", p.verifier());
        WebClient.RequestBodySpec req = web.post()
                .uri(c.getProviderDetails().getTokenUri())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.APPLICATION_JSON);
        if (ClientAuthenticationMethod.CLIENT_SECRET_BASIC.equals(c.getClientAuthenticationMethod())) {
            req = req.headers(h -> h.setBasicAuth(
                    java.net.URLEncoder.encode(c.getClientId(), StandardCharsets.UTF_8),
                    java.net.URLEncoder.encode(c.getClientSecret(), StandardCharsets.UTF_8)));
        } else {
            form.add("client_id", c.getClientId());
        }
        return req.body(BodyInserters.fromFormData(form))
                .retrieve()
                .bodyToMono(Map.class)
                .timeout(Duration.ofSeconds(20))
                .onErrorMap(e -> {
                    log.warn("OIDC code exchange failed: {}", e.toString());
                    return failed("The sign-in provider did not accept the sign-in code.");
                })
                .flatMap(body -> body.get("id_token") instanceof String t
                        ? Mono.just(t)
                        : Mono.error(failed("The sign-in provider sent no ID token.")));
    }

    private Mono<Jwt> validate(ClientRegistration c, String idToken, String nonce) {
        ReactiveJwtDecoder d =
                decoder.updateAndGet(x -> x != null ? x : new ReactiveOidcIdTokenDecoderFactory().createDecoder(c));
        return d.decode(idToken)
                .onErrorMap(e -> {
                    log.warn("OIDC ID token refused: {}", e.getMessage());
                    return failed("The ID token from the sign-in provider is not valid.");
                })
                .flatMap(jwt -> nonce.equals(jwt.getClaimAsString("nonce"))
                        ? Mono.just(jwt)
                        : Mono.error(failed("The ID token does not belong to this sign-in (nonce).")));
    }

    private static KbException failed(String detail) {
        return new KbException(HttpStatus.UNAUTHORIZED, "oidc-failed", "Sign-in failed", detail);
    }

    /** RP-initiated logout at the provider, when its discovery names an {@code end_session_endpoint}. */
    private static String logoutUri(ClientRegistration c, Jwt idToken, String redirectUri) {
        Object endSession = c.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
        if (endSession == null) {
            return null;
        }
        String back = UriComponentsBuilder.fromUriString(redirectUri)
                .replacePath("/")
                .replaceQuery(null)
                .build()
                .toUriString();
        return UriComponentsBuilder.fromUriString(endSession.toString())
                .queryParam("id_token_hint", idToken.getTokenValue())
                .queryParam("post_logout_redirect_uri", back)
                .queryParam("client_id", c.getClientId())
                .encode()
                .build()
                .toUriString();
    }

    private static String random(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    static String challenge(String verifier) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
