package org.kbportal.backend.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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

    AuthController(AccountService accounts) {
        this.accounts = accounts;
    }

    record LoginRequest(
            @NotBlank(message = "username is required") @Size(max = 64)
            String username,

            @NotBlank(message = "password is required") @Size(max = 200)
            String password) {}

    record LoginResponse(String token, Set<Role> roles, String username, String displayName, Instant expiresAt) {}

    @PostMapping("/api/auth/login")
    Mono<LoginResponse> login(@Valid @RequestBody LoginRequest request) {
        return accounts.login(request.username(), request.password())
                .map(l -> new LoginResponse(
                        l.token(),
                        l.user().roles(),
                        l.user().username(),
                        l.user().displayName(),
                        l.expiresAt()));
    }

    @PostMapping("/api/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> logout(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        return accounts.logout(
                authorization.substring(Math.min(7, authorization.length())).strip());
    }

    @GetMapping("/api/auth/me")
    Mono<UserAccount> me(Authentication auth) {
        // KbPrincipal is a java.security.Principal, so take it from the Authentication explicitly
        return accounts.byId(((KbPrincipal) auth.getPrincipal()).userId());
    }
}
