package org.kbportal.backend.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.kbportal.backend.system.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Drops the user names of search-log rows older than {@code kb.privacy.pseudonymise-after-days}, a minute
 * after start and then daily. The query, role, hits and clicks stay for the reports; who searched does
 * not. Idempotent, so instances need no coordination.
 */
@Component
class SearchLogPseudonymiser extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(SearchLogPseudonymiser.class);

    private final DatabaseClient db;
    private final PrivacyProperties props;
    private final Clock clock;

    SearchLogPseudonymiser(DatabaseClient db, PrivacyProperties props, Clock clock) {
        super("Search-log pseudonymisation");
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
    protected Schedule schedule() {
        return Schedule.every(Duration.ofDays(1)).after(Duration.ofMinutes(1));
    }

    @Override
    protected Mono<?> runOnce() {
        return pseudonymise().doOnNext(n -> {
            if (n > 0) {
                log.info("Search log: user names of {} rows past {} days removed", n, props.pseudonymiseAfterDays());
            }
        });
    }
}
