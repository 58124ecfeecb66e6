package org.kbportal.backend.account;

import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * While an account must change its password (set by an administrator, or older than {@code kb.password.max-age}),
 * its token opens nothing but the change itself, {@code GET /api/auth/me} and logout: everything else is {@code 403
 * urn:kb:password-change-required}. Runs after the security filters (the principal is known) and before the
 * audit filter (a refused call is no action).
 */
@Component
@Order(-1)
class PasswordChangeGate implements WebFilter {

    /** The authority {@link SecurityConfig} adds to such a token's authentication. */
    static final String AUTHORITY = "PASSWORD_CHANGE_REQUIRED";

    private static final Set<String> OPEN = Set.of(
            "POST /api/auth/password", "GET /api/auth/password-policy", "GET /api/auth/me", "POST /api/auth/logout");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpMethod method = exchange.getRequest().getMethod();
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (OPEN.contains(method.name() + " " + path) || HttpMethod.OPTIONS.equals(method)) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .filter(p -> p instanceof Authentication a
                        && a.getAuthorities().stream().anyMatch(g -> AUTHORITY.equals(g.getAuthority())))
                .flatMap(p -> SecurityConfig.problem(
                                exchange,
                                HttpStatus.FORBIDDEN,
                                "password-change-required",
                                "Password change required",
                                "Change your password first: POST /api/auth/password {\"current\",\"new\"}.")
                        .thenReturn(true))
                .switchIfEmpty(chain.filter(exchange).thenReturn(false))
                .then();
    }
}
