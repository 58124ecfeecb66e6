package org.kbportal.backend.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import org.kbportal.backend.audit.AuditLog;
import org.kbportal.backend.audit.ClientAddress;
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

    AuthController(AccountService accounts, LoginService logins, AuditLog audit, KbProperties props) {
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

    record LoginResponse(String token, Set<Role> roles, String username, String displayName, Instant expiresAt) {}

    /** Throttling, locks and the audit of logins are {@link LoginService}'s. */
    @PostMapping("/api/auth/login")
    Mono<LoginResponse> login(@Valid @RequestBody LoginRequest request, ServerHttpRequest http) {
        String ip = ClientAddress.of(http, props.audit().trustedProxies());
        return logins.login(request.username(), request.password(), ip)
                .map(l -> new LoginResponse(
                        l.token(),
                        l.user().roles(),
                        l.user().username(),
                        l.user().displayName(),
                        l.expiresAt()));
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
}
