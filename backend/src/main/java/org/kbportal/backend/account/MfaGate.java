package org.kbportal.backend.account;

import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Holds a signed-in user whose role requires a second factor ({@code kb.mfa.required-roles}) and who has
 * none yet to the enrolment: every other request is answered {@code 403 urn:kb:mfa-enrolment-required}.
 * Decided per request from the database, so the rule also catches tokens issued before the setting was
 * switched on, and lets go the moment the enrolment is confirmed.
 */
final class MfaGate implements WebFilter {

    /** What such a user may still do: set up the second factor, see who they are, sign out. */
    static final Set<String> OPEN =
            Set.of("/api/auth/mfa", "/api/auth/mfa/enrol", "/api/auth/mfa/confirm", "/api/auth/me", "/api/auth/logout");

    private final MfaService mfa;

    MfaGate(MfaService mfa) {
        this.mfa = mfa;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (OPEN.contains(exchange.getRequest().getPath().value())) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(a -> a != null && a.getPrincipal() instanceof KbPrincipal)
                .flatMap(a -> mfa.enrolmentRequired((KbPrincipal) a.getPrincipal()))
                .defaultIfEmpty(false)
                .flatMap(held -> held
                        ? SecurityConfig.problem(
                                exchange,
                                HttpStatus.FORBIDDEN,
                                "mfa-enrolment-required",
                                "Set up the second factor first",
                                "Your role requires a second factor: set it up (POST /api/auth/mfa/enrol) before"
                                        + " anything else.")
                        : chain.filter(exchange));
    }
}
