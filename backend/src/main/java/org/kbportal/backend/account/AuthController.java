package org.kbportal.backend.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import org.kbportal.backend.audit.AuditLog;
import org.kbportal.backend.audit.ClientAddress;
import org.kbportal.backend.system.KbException;
import org.kbportal.backend.system.KbProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class AuthController {

    private final AccountService accounts;
    private final LoginService logins;
    private final AuditLog audit;
    private final KbProperties props;
    private final DirectoryService directory;
    private final MfaService mfa;
    private final PasswordPolicy policy;

    AuthController(
            AccountService accounts,
            LoginService logins,
            AuditLog audit,
            KbProperties props,
            DirectoryService directory,
            MfaService mfa,
            PasswordPolicy policy) {
        this.policy = policy;
        this.directory = directory;
        this.mfa = mfa;
        this.accounts = accounts;
        this.logins = logins;
        this.audit = audit;
        this.props = props;
    }

    record LoginRequest(
            @NotBlank(message = "username is required") @Size(max = 64)
            String username,

            @NotBlank(message = "password is required") @Size(max = 200)
            String password) {}

    /**
     * A login. {@code passwordChangeRequired}: the API answers nothing but the password change, {@code
     * /api/auth/me} and logout until the password is changed ({@link PasswordChangeGate}). {@code
     * mfaEnrolmentRequired}: the user's role requires a second factor they have not set up, so the token is
     * good only for enrolling ({@code /api/auth/mfa/**}, {@code /api/auth/me}, logout).
     */
    record LoginResponse(
            String token,
            Set<Role> roles,
            String username,
            String displayName,
            Instant expiresAt,
            boolean passwordChangeRequired,
            boolean mfaEnrolmentRequired) {}

    /** The answer for an account with a second factor: no token yet, the second step's token. */
    record MfaChallenge(boolean mfaRequired, String mfaToken) {}

    record MfaLoginRequest(
            @NotBlank(message = "mfaToken is required") @Size(max = 100)
            String mfaToken,

            @NotBlank(message = "code is required") @Size(max = 20)
            String code) {}

    /** Throttling, locks and the audit of logins are {@link LoginService}'s. */
    @PostMapping("/api/auth/login")
    Mono<Object> login(@Valid @RequestBody LoginRequest request, ServerHttpRequest http) {
        String ip = ClientAddress.of(http, props.audit().trustedProxies());
        return logins.login(request.username(), request.password(), ip)
                .flatMap(l -> l.mfaToken() != null ? Mono.just(new MfaChallenge(true, l.mfaToken())) : answer(l));
    }

    /** The second step for an account with a second factor: the usual login answer. */
    @PostMapping("/api/auth/login/mfa")
    Mono<Object> loginMfa(@Valid @RequestBody MfaLoginRequest request, ServerHttpRequest http) {
        String ip = ClientAddress.of(http, props.audit().trustedProxies());
        return logins.secondStep(request.mfaToken(), request.code(), ip).flatMap(this::answer);
    }

    private Mono<Object> answer(AccountService.Login l) {
        return accounts.passwordChangeRequired(l.user().id())
                .zipWith(mfa.status(l.user().id(), l.user().roles()))
                .map(t -> new LoginResponse(
                        l.token(),
                        l.user().roles(),
                        l.user().username(),
                        l.user().displayName(),
                        l.expiresAt(),
                        t.getT1(),
                        t.getT2().required() && !t.getT2().enrolled()));
    }

    record PasswordChange(
            @NotBlank(message = "current is required") @Size(max = 200)
            String current,

            @JsonProperty("new")
            @NotBlank(message = "new is required")
            @Size(max = 200, message = "at most 200 characters")
            String newPassword) {}

    /**
     * Changes the caller's own password: the current one is checked like a login (a wrong one counts against the
     * login throttle and is answered {@code 403 urn:kb:wrong-password}), the new one against the policy ({@code
     * 400 urn:kb:weak-password} with {@code violations}); audited either way. Other logins of the account end.
     */
    @PostMapping("/api/auth/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> changePassword(
            @Valid @RequestBody PasswordChange change,
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            Authentication auth,
            ServerHttpRequest http) {
        KbPrincipal me = (KbPrincipal) auth.getPrincipal();
        String ip = ClientAddress.of(http, props.audit().trustedProxies());
        String token =
                authorization.substring(Math.min(7, authorization.length())).strip();
        // directory and OIDC accounts have no local password (409 urn:kb:external-account)
        return directory
                .requireLocalPassword(me.userId())
                .then(logins.verify(me.username(), change.current(), ip))
                .onErrorMap(
                        e -> e instanceof KbException k && k.status() == HttpStatus.UNAUTHORIZED,
                        e -> new KbException(
                                HttpStatus.FORBIDDEN,
                                "wrong-password",
                                "Wrong password",
                                "The current password is wrong."))
                .then(accounts.changeOwnPassword(me.userId(), change.newPassword(), token))
                .then(audit.record(me.username(), "auth.password-changed", me.username(), 204, null, ip))
                .onErrorResume(
                        KbException.class,
                        e -> audit.record(
                                        me.username(),
                                        "auth.password-change-failed",
                                        me.username(),
                                        e.status().value(),
                                        e.type().toString(),
                                        ip)
                                .then(Mono.error(e)));
    }

    @PostMapping("/api/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> logout(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            Authentication auth,
            ServerHttpRequest http) {
        return accounts.logout(authorization
                        .substring(Math.min(7, authorization.length()))
                        .strip())
                .then(audit.record(
                        auth.getName(),
                        "auth.logout",
                        null,
                        204,
                        null,
                        ClientAddress.of(http, props.audit().trustedProxies())));
    }

    @GetMapping("/api/auth/me")
    Mono<UserAccount> me(Authentication auth) {
        // KbPrincipal is a java.security.Principal, so take it from the Authentication explicitly
        return accounts.byId(((KbPrincipal) auth.getPrincipal()).userId());
    }

    /** The password rules as they are configured, for the hint on the password pages. */
    record PasswordRules(int minLength, int minClasses, int history, long maxAgeDays) {}

    /**
     * The password policy ({@code kb.password.*}): public, because the rules are no secret and a user who must
     * change the password before anything else should see them.
     */
    @GetMapping("/api/auth/password-policy")
    Mono<PasswordRules> passwordPolicy() {
        long days = policy.maxAge() == null ? 0 : policy.maxAge().toDays();
        return Mono.just(new PasswordRules(policy.minLength(), policy.minClasses(), policy.history(), days));
    }
}
