package org.kbportal.backend.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Drains an outbox table that several instances share: every tick each instance takes the rows that are due,
 * leases each one (a conditional UPDATE only one instance wins, in force until {@code now + lease}) and makes
 * one attempt at the rows it holds. A failed attempt waits {@link Retry#backoff}; after {@link Retry#maxAttempts}
 * the row is dead (left for an admin). An instance that dies mid-attempt leaves its lease to run out, then another
 * one tries again: at least once. Subclasses say how rows are found, leased and attempted: one by one by default,
 * or a whole batch at once ({@link #leaseAll}, {@link #attemptAll}) where one statement or one write serves many
 * rows. A failed run is counted in {@code kb.job.failures{job}} ({@link PeriodicJob}).
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

    /**
     * Takes the due rows for {@code owner} and emits those this instance won; by default one {@link #lease} each,
     * {@code concurrency} at once. A drain that can lease a batch in one statement overrides it.
     */
    protected Flux<T> leaseAll(List<T> due, String owner, Instant now) {
        return Flux.fromIterable(due)
                .flatMap(
                        row -> lease(row, owner, now)
                                .filter(Boolean::booleanValue)
                                .map(ok -> row),
                        concurrency);
    }

    /**
     * Attempts the rows this instance holds; by default one {@link #attempt} each, {@code concurrency} at once. A
     * drain whose rows are cheaper together (one index write for the batch) overrides it.
     */
    protected Mono<Void> attemptAll(List<T> held) {
        return Flux.fromIterable(held).flatMap(this::attempt, concurrency).then();
    }

    /** The clock leases and back-offs are measured with. */
    protected Clock clock() {
        return clock;
    }

    /** This instance's lease owner name. */
    public String owner() {
        return owner;
    }

    /** Attempts what is due now; completes when the batch is done. */
    public Mono<Void> drainOnce() {
        return drainBatch().then();
    }

    /** Attempts what is due now; completes with the number of rows this instance held and attempted. */
    protected Mono<Integer> drainBatch() {
        Instant now = clock.instant();
        return due(now, batch)
                .collectList()
                .flatMap(due -> due.isEmpty()
                        ? Mono.just(List.<T>of())
                        : leaseAll(due, owner, now).collectList())
                .flatMap(
                        held -> held.isEmpty() ? Mono.just(0) : attemptAll(held).thenReturn(held.size()));
    }

    /** Drains batch after batch until nothing due is left; completes with the number of rows attempted. */
    public Mono<Long> drainAll() {
        return drainBatch().expand(n -> n > 0 ? drainBatch() : Mono.empty()).reduce(0L, Long::sum);
    }

    @Override
    protected Mono<?> runOnce() {
        return drainOnce();
    }
}
