package org.kbportal.backend.feedback;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.kbportal.backend.audit.ClientAddress;
import org.kbportal.backend.system.KbException;
import org.kbportal.backend.system.KbProperties;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class FeedbackController {

    /** Header carrying an anonymous visitor's session id (the UI sends one per browser session). */
    static final String VISITOR = "X-KB-Visitor";

    private final FeedbackService feedback;
    private final java.util.List<String> trustedProxies;

    FeedbackController(FeedbackService feedback, KbProperties props) {
        this.feedback = feedback;
        this.trustedProxies = props.audit().trustedProxies();
    }

    record VoteInput(
            @NotNull(message = "helpful is required") Boolean helpful, String comment) {}

    @PostMapping("/api/articles/{id}/feedback")
    Mono<FeedbackSummary> vote(
            @PathVariable String id, @Valid @RequestBody VoteInput in, Authentication auth, ServerHttpRequest request) {
        String address = address(request);
        return voter(auth, request, address)
                .flatMap(v -> feedback.vote(
                        id, v, address, auth == null ? null : auth.getName(), in.helpful(), in.comment()));
    }

    @GetMapping("/api/articles/{id}/feedback")
    Mono<FeedbackSummary> summary(@PathVariable String id, Authentication auth, ServerHttpRequest request) {
        return voter(auth, request, address(request)).flatMap(v -> feedback.summary(id, v));
    }

    @GetMapping("/api/admin/articles/feedback-report")
    Mono<FeedbackReport> report(@RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 200) {
            return Mono.error(KbException.badRequest("invalid-limit", "limit must be between 1 and 200."));
        }
        return feedback.report(limit);
    }

    /** A signed-in user votes once as themselves; a visitor once per session id (else per address). */
    private static Mono<String> voter(Authentication auth, ServerHttpRequest request, String address) {
        if (auth != null) {
            return Mono.just("user:" + auth.getName());
        }
        String visitor = request.getHeaders().getFirst(VISITOR);
        if (visitor != null && !visitor.isBlank()) {
            if (!visitor.matches("[A-Za-z0-9_-]{8,64}")) {
                return Mono.error(
                        KbException.badRequest("invalid-visitor", VISITOR + ": 8 to 64 letters, digits, '-' or '_'."));
            }
            return Mono.just("visitor:" + visitor);
        }
        return Mono.just("address:" + address);
    }

    /** The client's address: behind the UI server (a trusted proxy) the browser's. */
    private String address(ServerHttpRequest request) {
        String address = ClientAddress.of(request, trustedProxies);
        return address == null ? "unknown" : address;
    }
}
