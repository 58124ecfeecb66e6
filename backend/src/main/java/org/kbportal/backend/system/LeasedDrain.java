package org.kbportal.backend.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Drains an outbox table that several instances share: every tick each instance takes the rows that are due,
 * leases each one (a conditional UPDATE only one instance wins, in force until {@code now + lease}) and makes
 * one attempt at the rows it holds. A failed attempt waits {@link Retry#backoff}; after {@link Retry#maxAttempts}
 * the row is dead (left for an admin). An instance that dies mid-attempt leaves its lease to run out, then another
 * one tries again: at least once. Subclasses say how rows are found, leased and attempted.
 */
public abstract class LeasedDrain<T> extends PeriodicJob {

    /**
     * How failures are retried: after the n-th failure wait {@code base × 2^(n-1)}, at most {@code max}; a row is
     * dead after {@code maxAttempts} attempts.
     */
    public record Retry(int maxAttempts, Duration base, Duration max) {

        public Duration backoff(int attempts) {
            int doublings = Math.min(Math.max(attempts - 1, 0), 20);
            Duration d = base.multipliedBy(1L << doublings);
            return d.compareTo(max) > 0 ? max : d;
        }

        public boolean dead(int attempts) {
            return attempts >= maxAttempts;
        }
    }

    private final String owner;
    private final Clock clock;
    private final int batch;
    private final int concurrency;

    /**
     * @param ownerPrefix names this instance's leases ({@code mail-<uuid>})
     * @param batch rows taken per tick
     * @param concurrency attempts in flight at once
     */
    protected LeasedDrain(String name, String ownerPrefix, Clock clock, int batch, int concurrency) {
        super(name);
        this.owner = ownerPrefix + "-" + UUID.randomUUID();
        this.clock = clock;
        this.batch = batch;
        this.concurrency = concurrency;
    }

    /** The rows due at {@code now}, at most {@code limit}. */
    protected abstract Flux<T> due(Instant now, int limit);

    /** Takes the row for {@code owner}: true when this instance won it. */
    protected abstract Mono<Boolean> lease(T row, String owner, Instant now);

    /** One attempt at a row this instance holds, recording its outcome. */
    protected abstract Mono<?> attempt(T row);

    /** This instance's lease owner name. */
    public String owner() {
        return owner;
    }

    /** Attempts what is due now; completes when the batch is done. */
    public Mono<Void> drainOnce() {
        Instant now = clock.instant();
        return due(now, batch)
                .flatMap(
                        row -> lease(row, owner, now)
                                .filter(Boolean::booleanValue)
                                .flatMap(ok -> attempt(row)),
                        concurrency)
                .then();
    }

    @Override
    protected Mono<?> runOnce() {
        return drainOnce();
    }
}
