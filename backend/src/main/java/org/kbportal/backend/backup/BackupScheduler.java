package org.kbportal.backend.backup;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import org.kbportal.backend.system.KbProperties;
import org.kbportal.backend.system.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Scheduled backups ({@code kb.backup.schedule}, a cron in {@code kb.questions.zone}; off when empty)
 * with retention ({@code kb.backup.retention}). Each due time is a slot that every instance tries to
 * claim with the same unique key in {@code backup_run}; exactly one wins and writes the archive.
 */
@Component
class BackupScheduler extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(BackupScheduler.class);
    static final Duration CHECK = Duration.ofSeconds(20);

    private final BackupService backups;
    private final KbProperties props;
    private final Clock clock;
    private volatile CronExpression expression;
    private volatile ZonedDateTime checkedUpTo;

    BackupScheduler(BackupService backups, KbProperties props, Clock clock) {
        super("Scheduled backup");
        this.backups = backups;
        this.props = props;
        this.clock = clock;
    }

    @Override
    protected Mono<?> onStart() {
        return backups.failInterrupted().doOnNext(n -> {
            if (n > 0) {
                log.warn("{} backups were interrupted by the last stop; marked FAILED", n);
            }
        });
    }

    @Override
    protected Schedule schedule() {
        String cron = props.backup().schedule();
        if (cron == null || cron.isBlank()) {
            return Schedule.IDLE;
        }
        expression = CronExpression.parse(cron.strip());
        checkedUpTo = ZonedDateTime.now(clock.withZone(props.questions().zone()));
        log.info(
                "Scheduled backups: '{}' ({}), keeping {}",
                cron,
                props.questions().zone(),
                props.backup().retention());
        return Schedule.every(CHECK);
    }

    @Override
    protected Mono<?> runOnce() {
        return due(expression).then(backups.removeExpiredArchives());
    }

    /** Starts the backup of the latest due slot, if any, (retention is applied when it is done). */
    Mono<Void> due(CronExpression expression) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(props.questions().zone()));
        ZonedDateTime slot = null;
        for (ZonedDateTime next = expression.next(checkedUpTo);
                next != null && !next.isAfter(now);
                next = expression.next(next)) {
            slot = next;
        }
        checkedUpTo = now;
        if (slot == null) {
            return Mono.empty();
        }
        String key = slot.toOffsetDateTime().toString();
        return backups.startScheduled(key)
                .doOnNext(r -> log.info("Scheduled backup {} started for slot {}", r.id(), key))
                .then();
    }
}
