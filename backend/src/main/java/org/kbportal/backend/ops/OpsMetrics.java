package org.kbportal.backend.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.kbportal.backend.question.QuestionStatus;
import org.kbportal.backend.system.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gauges of work waiting in the database, refreshed every {@link #REFRESH} from cheap counts (so a
 * Prometheus scrape never queries the database, and every instance reports the same cluster-wide
 * figures): {@code kb.questions.queue} (open questions nobody is assigned to), {@code
 * kb.index.outbox.pending} and {@code kb.index.outbox.lag} (age in seconds of the oldest change not
 * yet in the index), {@code kb.mail.outbox.pending} (e-mails not yet sent) and the counter {@code
 * kb.sla.breaches} (SLA clocks breached so far, from the questions' timelines).
 */
@Component
class OpsMetrics extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(OpsMetrics.class);
    static final Duration REFRESH = Duration.ofSeconds(10);
    private static final String OPEN =
            QuestionStatus.OPEN.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));

    private final DatabaseClient db;
    private final Clock clock;
    private final AtomicLong queue = new AtomicLong();
    private final AtomicLong outboxPending = new AtomicLong();
    private final AtomicLong outboxLagSeconds = new AtomicLong();
    private final AtomicLong mailPending = new AtomicLong();
    private final AtomicLong breaches = new AtomicLong();

    OpsMetrics(DatabaseClient db, Clock clock, MeterRegistry registry) {
        super("Metrics refresh");
        this.db = db;
        this.clock = clock;
        Gauge.builder("kb.questions.queue", queue, AtomicLong::get)
                .description("Open questions waiting for an expert to claim them")
                .register(registry);
        Gauge.builder("kb.index.outbox.pending", outboxPending, AtomicLong::get)
                .description("Article changes not yet fully indexed")
                .register(registry);
        Gauge.builder("kb.index.outbox.lag", outboxLagSeconds, AtomicLong::get)
                .description("Age of the oldest change not yet fully indexed")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("kb.mail.outbox.pending", mailPending, AtomicLong::get)
                .description("Notification e-mails not yet sent")
                .register(registry);
        FunctionCounter.builder("kb.sla.breaches", breaches, AtomicLong::get)
                .description("SLA clocks (reply or resolution) breached")
                .register(registry);
    }

    /** Reads every figure once. */
    Mono<Void> refresh() {
        return count("SELECT COUNT(*) AS n FROM question WHERE assignee_id IS NULL AND status IN " + OPEN, queue)
                .then(count("SELECT COUNT(*) AS n FROM index_outbox", outboxPending))
                .then(db.sql("SELECT MIN(created_at) AS t FROM index_outbox")
                        .map(r -> java.util.Optional.ofNullable(r.get("t", OffsetDateTime.class)))
                        .one()
                        .doOnNext(t -> outboxLagSeconds.set(t.map(v -> Math.max(
                                        0,
                                        Duration.between(v.toInstant(), clock.instant())
                                                .toSeconds()))
                                .orElse(0L)))
                        .then())
                .then(count("SELECT COUNT(*) AS n FROM mail_outbox WHERE sent_at IS NULL", mailPending))
                .then(count("SELECT COUNT(*) AS n FROM question_event WHERE type = 'SLA_BREACH'", breaches));
    }

    private Mono<Void> count(String sql, AtomicLong into) {
        return db.sql(sql)
                .map(r -> ((Number) r.get("n")).longValue())
                .one()
                .doOnNext(into::set)
                .then();
    }

    @Override
    protected Schedule schedule() {
        return Schedule.every(REFRESH).after(Duration.ZERO);
    }

    @Override
    protected Mono<?> runOnce() {
        return refresh();
    }
}
