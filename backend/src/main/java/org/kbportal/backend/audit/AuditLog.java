package org.kbportal.backend.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.kbportal.backend.system.KbException;
import org.kbportal.backend.system.KbProperties;
import org.kbportal.contract.audit.AuditEvent;
import org.kbportal.contract.audit.AuditPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The append-only audit log. Admin changes and downloads are recorded centrally by {@link
 * AuditWebFilter}: {@link #begin} writes the event before the action runs and fails with {@code 503
 * urn:kb:audit-unavailable} when it cannot, so nothing audited happens unrecorded; {@link #complete}
 * fills in its outcome. Events beside an action (logins, refusals, scheduled backups) use {@link
 * #record}, which logs a failure instead of failing. Every event is appended to a hash chain ({@link
 * AuditChain}) that {@link AuditVerifier} checks.
 */
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    static final int MAX_DETAILS = 2000;

    private final AuditRepository repo;
    private final AuditChain chain;
    private final KbProperties props;
    private final Clock clock;

    AuditLog(AuditRepository repo, AuditChain chain, KbProperties props, Clock clock) {
        this.repo = repo;
        this.chain = chain;
        this.props = props;
        this.clock = clock;
    }

    /** Filter of the list and the export; every part may be null. {@code to} is exclusive. */
    public record Query(Instant from, Instant to, String actor, String action) {}

    /** Records one event now; never fails. */
    public Mono<Void> record(String actor, String action, String target, Integer status, String details, String ip) {
        return chain.append(event(actor, action, target, status, details, ip))
                .then()
                .timeout(Duration.ofSeconds(5))
                .onErrorResume(err -> {
                    log.warn("Could not write audit event {} by {}: {}", action, actor, err.toString());
                    return Mono.empty();
                });
    }

    /**
     * Records an event before its action runs (status empty until {@link #complete}); the id of the event,
     * or {@code 503 urn:kb:audit-unavailable} when it cannot be written, and then the action must not run.
     */
    public Mono<Long> begin(String actor, String action, String target, String details, String ip) {
        return chain.append(event(actor, action, target, null, details, ip))
                .timeout(Duration.ofSeconds(5))
                .onErrorMap(err -> !(err instanceof KbException), err -> {
                    log.error("Audit log unavailable, refusing {} by {}: {}", action, actor, err.toString());
                    return unavailable();
                });
    }

    /** Fills in the outcome of an event from {@link #begin}; a failure is logged (the action has happened). */
    public Mono<Void> complete(long id, int status, String details) {
        return chain.complete(id, status, cut(details, MAX_DETAILS))
                .timeout(Duration.ofSeconds(5))
                .onErrorResume(err -> {
                    log.warn("Could not complete audit event {}: {}", id, err.toString());
                    return Mono.empty();
                });
    }

    /** The problem of an action refused because its audit event could not be written. */
    public static KbException unavailable() {
        return new KbException(
                HttpStatus.SERVICE_UNAVAILABLE,
                "audit-unavailable",
                "Audit log unavailable",
                "The action was not carried out because its audit record could not be written; try again later.");
    }

    private AuditEvent event(String actor, String action, String target, Integer status, String details, String ip) {
        return new AuditEvent(
                0,
                AuditChain.stored(clock.instant()),
                cut(actor, 64),
                cut(action, 100),
                cut(target, 300),
                status,
                cut(details, MAX_DETAILS),
                cut(ip, 64));
    }

    public Mono<AuditPage> find(Query q, int page, int size) {
        return Mono.zip(repo.count(q), repo.find(q, page * size, size).collectList())
                .map(t -> new AuditPage(t.getT1(), t.getT2()));
    }

    /** Every matching event, newest first, for the CSV export. */
    public Flux<AuditEvent> all(Query q) {
        return repo.find(q, 0, Integer.MAX_VALUE);
    }

    /**
     * Deletes events older than {@code kb.audit.retention-days} (the oldest part of the chain: an event
     * behind a younger one waits for it), keeping the hash of the last one as the chain's anchor; returns how many. The purge is itself an
     * event ({@code audit.purge}, written first, with the number of events it removes): no event written,
     * no purge.
     */
    public Mono<Long> purge() {
        Instant cutoff = clock.instant().minus(Duration.ofDays(props.audit().retentionDays()));
        return repo.countBefore(cutoff)
                .flatMap(n -> begin(
                                "system",
                                "audit.purge",
                                null,
                                n + " events older than " + cutoff + " (retention "
                                        + props.audit().retentionDays() + " days)",
                                null)
                        .flatMap(id -> chain.purgeBefore(cutoff)
                                .flatMap(deleted -> complete(
                                                id,
                                                200,
                                                deleted + " events older than " + cutoff + " removed (retention "
                                                        + props.audit().retentionDays() + " days)")
                                        .thenReturn(deleted))));
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
