package org.kbportal.backend.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import org.kbportal.backend.audit.ClientAddress;
import org.kbportal.backend.system.KbProperties;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** OpenID Connect sign-in for the UI (public endpoints; {@link OidcLogin} does the work). */
@RestController
class OidcController {

    private final OidcLogin oidc;
    private final KbProperties props;

    OidcController(OidcLogin oidc, KbProperties props) {
        this.oidc = oidc;
        this.props = props;
    }

    @GetMapping("/api/auth/oidc")
    OidcLogin.Info info() {
        return oidc.info();
    }

    record Start(
            @NotBlank @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "an http(s) URL")
            String redirectUri) {}

    record Started(String authorizationUri) {}

    @PostMapping("/api/auth/oidc/start")
    Mono<Started> start(@Valid @RequestBody Start s) {
        return oidc.start(s.redirectUri()).map(Started::new);
    }

    record Callback(
            @NotBlank @Size(max = 2000) String code,
            @NotBlank @Size(max = 200) String state) {}

    /** Like {@code POST /api/auth/login}'s answer, plus the provider's logout URI (null without one). */
    record SignedIn(
            String token, Set<Role> roles, String username, String displayName, Instant expiresAt, String logoutUri) {}

    @PostMapping("/api/auth/oidc/callback")
    Mono<SignedIn> callback(@Valid @RequestBody Callback c, ServerHttpRequest http) {
        return oidc.callback(
                        c.code(),
                        c.state(),
                        ClientAddress.of(http, props.audit().trustedProxies()))
                .map(r -> new SignedIn(
                        r.login().token(),
                        r.login().user().roles(),
                        r.login().user().username(),
                        r.login().user().displayName(),
                        r.login().expiresAt(),
                        r.logoutUri()));
    }
}
