package org.kbportal.backend.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.kbportal.backend.system.KbProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The append-only audit log. Admin changes are recorded centrally by {@link AuditWebFilter}; actions
 * outside admin requests (logins, scheduled backups, restores) call {@link #record} directly. A
 * failure to write an event is logged and never fails the action itself.
 */
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    static final int MAX_DETAILS = 2000;

    private final AuditRepository repo;
    private final KbProperties props;
    private final Clock clock;

    AuditLog(AuditRepository repo, KbProperties props, Clock clock) {
        this.repo = repo;
        this.props = props;
        this.clock = clock;
    }

    /** Filter of the list and the export; every part may be null. {@code to} is exclusive. */
    public record Query(Instant from, Instant to, String actor, String action) {}

    /** One page of events, newest first, with the total matching. */
    public record Page(long total, List<AuditEvent> items) {}

    /** Records one event now; never fails. */
    public Mono<Void> record(String actor, String action, String target, Integer status, String details, String ip) {
        AuditEvent e = new AuditEvent(
                0,
                clock.instant(),
                cut(actor, 64),
                cut(action, 100),
                cut(target, 300),
                status,
                cut(details, MAX_DETAILS),
                cut(ip, 64));
        return repo.insert(e).timeout(Duration.ofSeconds(5)).onErrorResume(err -> {
            log.warn("Could not write audit event {} by {}: {}", action, actor, err.toString());
            return Mono.empty();
        });
    }

    public Mono<Page> find(Query q, int page, int size) {
        return Mono.zip(repo.count(q), repo.find(q, page * size, size).collectList())
                .map(t -> new Page(t.getT1(), t.getT2()));
    }

    /** Every matching event, newest first, for the CSV export. */
    public Flux<AuditEvent> all(Query q) {
        return repo.find(q, 0, Integer.MAX_VALUE);
    }

    /** Deletes events older than {@code kb.audit.retention-days}; returns how many. */
    public Mono<Long> purge() {
        Instant cutoff = clock.instant().minus(Duration.ofDays(props.audit().retentionDays()));
        return repo.deleteBefore(cutoff);
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
