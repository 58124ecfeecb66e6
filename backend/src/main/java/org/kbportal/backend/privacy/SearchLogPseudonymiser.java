package org.kbportal.backend.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Drops the user names of search-log rows older than {@code kb.privacy.pseudonymise-after-days}, a minute
 * after start and then daily. The query, role, hits and clicks stay for the reports; who searched does
 * not. Idempotent, so instances need no coordination.
 */
@Component
class SearchLogPseudonymiser implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SearchLogPseudonymiser.class);

    private final DatabaseClient db;
    private final PrivacyProperties props;
    private final Clock clock;
    private volatile Disposable loop;

    SearchLogPseudonymiser(DatabaseClient db, PrivacyProperties props, Clock clock) {
        this.props = props;
        this.clock = clock;
        this.db = db;
    }

    /** Removes the user names of rows past the limit; emits how many rows changed. */
    Mono<Long> pseudonymise() {
        Instant cutoff = clock.instant().minus(Duration.ofDays(props.pseudonymiseAfterDays()));
        return db.sql("UPDATE search_log SET username = NULL WHERE created_at < :cutoff AND username IS NOT NULL")
                .bind("cutoff", cutoff.atOffset(java.time.ZoneOffset.UTC))
                .fetch()
                .rowsUpdated();
    }

    @Override
    public void start() {
        loop = reactor.core.scheduler.Schedulers.parallel()
                .schedulePeriodically(this::runOnce, 1, Duration.ofDays(1).toMinutes(), TimeUnit.MINUTES);
    }

    private void runOnce() {
        pseudonymise()
                .filter(n -> n > 0)
                .subscribe(
                        n -> log.info(
                                "Search log: user names of {} rows past {} days removed",
                                n,
                                props.pseudonymiseAfterDays()),
                        e -> log.warn("Search-log pseudonymisation failed: {}", e.toString()));
    }

    @Override
    public void stop() {
        Optional.ofNullable(loop).ifPresent(Disposable::dispose);
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }
}
