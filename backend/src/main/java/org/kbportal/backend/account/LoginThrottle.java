package org.kbportal.backend.account;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Failed-login counters in {@code login_throttle}, shared by every instance. An attempt is charged
 * (counted as a failure) before its password is checked, in one conditional UPDATE, so parallel
 * attempts against one subject cannot get past the limit; a success refunds it.
 */
@Repository
class LoginThrottle {

    /**
     * The outcome of {@link #charge}: allowed with the subject's failure count including this attempt,
     * or refused until {@code retryAfter} has passed.
     */
    record Charge(boolean allowed, int failures, Duration retryAfter, boolean locked) {}

    private final DatabaseClient db;

    LoginThrottle(DatabaseClient db) {
        this.db = db;
    }

    /** Charges one attempt to {@code subject} unless it is locked, waiting out a back-off, or at {@code max}. */
    Mono<Charge> charge(String subject, int max, Duration window, Instant now) {
        OffsetDateTime at = at(now);
        Mono<Long> forget = db.sql("UPDATE login_throttle SET failures = 0, next_attempt_at = NULL, locked_until = NULL"
                        + " WHERE subject = :s AND ((locked_until IS NOT NULL AND locked_until <= :now)"
                        + " OR (locked_until IS NULL AND last_failure_at < :forgotten))")
                .bind("s", subject)
                .bind("now", at)
                .bind("forgotten", at(now.minus(window)))
                .fetch()
                .rowsUpdated();
        return forget.then(increment(subject, max, at))
                .flatMap(charged -> charged
                        ? failures(subject).map(n -> new Charge(true, n, Duration.ZERO, false))
                        : refusedOrNew(subject, max, now));
    }

    private Mono<Boolean> increment(String subject, int max, OffsetDateTime at) {
        return db.sql("UPDATE login_throttle SET failures = failures + 1, last_failure_at = :now"
                        + " WHERE subject = :s AND failures < :max AND locked_until IS NULL"
                        + " AND (next_attempt_at IS NULL OR next_attempt_at <= :now)")
                .bind("s", subject)
                .bind("now", at)
                .bind("max", max)
                .fetch()
                .rowsUpdated()
                .map(n -> n > 0);
    }

    private Mono<Charge> refusedOrNew(String subject, int max, Instant now) {
        return db.sql("SELECT failures, next_attempt_at, locked_until FROM login_throttle WHERE subject = :s")
                .bind("s", subject)
                .map(r -> {
                    OffsetDateTime next = r.get("next_attempt_at", OffsetDateTime.class);
                    OffsetDateTime locked = r.get("locked_until", OffsetDateTime.class);
                    Instant until = locked != null ? locked.toInstant() : next != null ? next.toInstant() : null;
                    Duration wait = until == null ? Duration.ofSeconds(1) : Duration.between(now, until);
                    // failures at the limit but no lock yet: the last allowed checks are still running
                    return new Charge(false, r.get("failures", Integer.class), atLeastASecond(wait), locked != null);
                })
                .one()
                .switchIfEmpty(Mono.defer(() -> db.sql("INSERT INTO login_throttle (subject, failures, last_failure_at)"
                                + " VALUES (:s, 1, :now)")
                        .bind("s", subject)
                        .bind("now", at(now))
                        .then()
                        .thenReturn(new Charge(true, 1, Duration.ZERO, false))
                        // another attempt inserted the row first: charge it like an existing one
                        .onErrorResume(
                                DataIntegrityViolationException.class,
                                e -> increment(subject, max, at(now))
                                        .flatMap(charged -> charged
                                                ? failures(subject).map(n -> new Charge(true, n, Duration.ZERO, false))
                                                : Mono.just(new Charge(false, max, Duration.ofSeconds(1), false))))));
    }

    private Mono<Integer> failures(String subject) {
        return db.sql("SELECT failures FROM login_throttle WHERE subject = :s")
                .bind("s", subject)
                .map(r -> r.get(0, Integer.class))
                .one()
                .defaultIfEmpty(1);
    }

    /**
     * Records that the charged attempt failed: a back-off of {@code backoff} from now (null: none) and, when
     * the subject is at {@code max}, the lock. True when this call locked it.
     */
    Mono<Boolean> failed(String subject, int max, Duration backoff, Duration lock, Instant now) {
        Mono<Void> wait = backoff == null
                ? Mono.empty()
                : db.sql("UPDATE login_throttle SET next_attempt_at = :next WHERE subject = :s")
                        .bind("s", subject)
                        .bind("next", at(now.plus(backoff)))
                        .then();
        return wait.then(db.sql("UPDATE login_throttle SET locked_until = :until"
                                + " WHERE subject = :s AND failures >= :max AND locked_until IS NULL")
                        .bind("s", subject)
                        .bind("until", at(now.plus(lock)))
                        .bind("max", max)
                        .fetch()
                        .rowsUpdated())
                .map(n -> n > 0);
    }

    /** Takes back one charged attempt (it was not a failure, or it was never checked). */
    Mono<Void> refund(String subject) {
        return db.sql("UPDATE login_throttle SET failures = failures - 1 WHERE subject = :s AND failures > 0")
                .bind("s", subject)
                .then();
    }

    /** Forgets the subject's failures and lock (a successful login, an admin's unlock); true if there were any. */
    Mono<Boolean> clear(String subject) {
        return db.sql("DELETE FROM login_throttle WHERE subject = :s")
                .bind("s", subject)
                .fetch()
                .rowsUpdated()
                .map(n -> n > 0);
    }

    /**
     * Deletes rows nobody needs any more (no running lock, last failure before {@code forgotten}), so that
     * names tried once do not pile up.
     */
    Mono<Long> deleteStale(Instant forgotten, Instant now) {
        return db.sql("DELETE FROM login_throttle WHERE last_failure_at < :forgotten"
                        + " AND (locked_until IS NULL OR locked_until <= :now)")
                .bind("forgotten", at(forgotten))
                .bind("now", at(now))
                .fetch()
                .rowsUpdated();
    }

    private static Duration atLeastASecond(Duration d) {
        return d.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : d;
    }

    private static OffsetDateTime at(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
