package org.kbportal.backend.audit;

import java.time.Duration;
import org.kbportal.backend.system.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Removes audit events past {@code kb.audit.retention-days}, a minute after start and then daily.
 * Idempotent, so it needs no coordination between instances.
 */
@Component
class AuditPurge extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(AuditPurge.class);

    private final AuditLog audit;

    AuditPurge(AuditLog audit) {
        super("Audit purge");
        this.audit = audit;
    }

    @Override
    protected Schedule schedule() {
        return Schedule.every(Duration.ofDays(1)).after(Duration.ofMinutes(1));
    }

    @Override
    protected Mono<?> runOnce() {
        return audit.purge().doOnNext(n -> {
            if (n > 0) {
                log.info("Audit log: {} events past their retention removed", n);
            }
        });
    }
}
