package org.kbportal.backend.audit;

import java.security.Principal;
import java.util.Optional;
import org.kbportal.backend.system.KbException;
import org.kbportal.backend.system.KbProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Audits what the services refuse: a 403 ({@code access.denied}) and a 404 that hides an existing
 * object ({@link KbException#hidden}, {@code access.hidden}), which the problem handler leaves in the
 * exchange ({@link KbException#REFUSAL}); aggregated per user or address by {@link AccessRefusals}.
 */
@Component
@Order(1)
class RefusalWebFilter implements WebFilter {

    private final AccessRefusals refusals;
    private final KbProperties props;

    RefusalWebFilter(AccessRefusals refusals, KbProperties props) {
        this.refusals = refusals;
        this.props = props;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            if (!(exchange.getAttribute(KbException.REFUSAL) instanceof KbException e)) {
                return Mono.empty();
            }
            var request = exchange.getRequest();
            return exchange.getPrincipal()
                    .map(Principal::getName)
                    .map(Optional::of)
                    .defaultIfEmpty(Optional.empty())
                    .flatMap(actor -> refusals.refused(
                            actor.orElse(null),
                            ClientAddress.of(request, props.audit().trustedProxies()),
                            e.isHidden() ? "access.hidden" : "access.denied",
                            request.getMethod().name() + " " + request.getPath().value(),
                            e.status().value(),
                            e.type() + ": " + e.getMessage()));
        });
        return chain.filter(exchange);
    }
}
