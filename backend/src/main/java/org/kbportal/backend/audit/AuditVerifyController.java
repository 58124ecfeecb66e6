package org.kbportal.backend.audit;

import org.kbportal.backend.system.KbProperties;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/audit/verify}: checks the audit chain now (role AUDITOR, see SecurityConfig) and
 * records that it was checked, with the outcome.
 */
@RestController
class AuditVerifyController {

    private final AuditVerifier verifier;
    private final AuditLog audit;
    private final KbProperties props;

    AuditVerifyController(AuditVerifier verifier, AuditLog audit, KbProperties props) {
        this.verifier = verifier;
        this.audit = audit;
        this.props = props;
    }

    @GetMapping("/api/audit/verify")
    Mono<AuditVerifier.Result> verify(Authentication auth, ServerHttpRequest http) {
        return verifier.verify()
                .flatMap(r -> audit.record(
                                auth.getName(),
                                "audit.verify",
                                null,
                                200,
                                r.intact()
                                        ? "intact, " + r.records() + " events"
                                        : "BROKEN from event " + r.firstBroken(),
                                ClientAddress.of(http, props.audit().trustedProxies()))
                        .thenReturn(r));
    }
}
