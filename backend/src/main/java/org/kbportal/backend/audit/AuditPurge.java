package org.kbportal.backend.audit;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Removes audit events past {@code kb.audit.retention-days}, a minute after start and then daily.
 * Idempotent, so it needs no coordination between instances.
 */
@Component
class AuditPurge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditPurge.class);

    private final AuditLog audit;
    private volatile Disposable loop;

    AuditPurge(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void start() {
        loop = Flux.interval(Duration.ofMinutes(1), Duration.ofDays(1))
                .onBackpressureDrop()
                .concatMap(t -> audit.purge()
                        .doOnNext(n -> {
                            if (n > 0) {
                                log.info("Audit log: {} events past their retention removed", n);
                            }
                        })
                        .onErrorResume(e -> {
                            log.warn("Audit purge failed: {}", e.toString());
                            return Mono.empty();
                        }))
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable l = loop;
        if (l != null) {
            l.dispose();
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }
}
