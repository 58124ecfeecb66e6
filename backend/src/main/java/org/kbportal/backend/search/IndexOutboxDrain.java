package org.kbportal.backend.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.kbportal.backend.article.IndexOutbox;
import org.kbportal.backend.system.KbProperties;
import org.kbportal.backend.system.LeasedDrain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Drains the article index outbox: every {@code kb.search.drain-interval} each instance leases the due rows (a
 * batch in one statement), indexes their articles as full units with vectors in one write and deletes the rows; a
 * failed batch waits 1 s, 2 s, 4 s, ... at most 5 min and is never given up (the index must catch up). Started by
 * start-up seeding once the index is rebuilt and the shipped knowledge loaded ({@link #isAutoStartup()} is false),
 * paused during bulk loads, and it compacts the index after a large drain.
 */
@Component
public class IndexOutboxDrain extends LeasedDrain<IndexOutbox.Entry> {

    private static final Logger log = LoggerFactory.getLogger(IndexOutboxDrain.class);
    private static final int BATCH = 128;
    /** Long enough for one batch (seconds), short enough that a crashed instance's rows return soon. */
    private static final Duration LEASE = Duration.ofSeconds(60);

    static final Retry WAITS = new Retry(Integer.MAX_VALUE, Duration.ofSeconds(1), Duration.ofMinutes(5));

    private final IndexOutbox outbox;
    private final SearchIndexer indexer;
    private final SearchEngine engine;
    private final Duration interval;
    private final int compactAfter;
    /** Units indexed through the outbox since the last compaction. */
    private final AtomicLong drainedSinceCompaction = new AtomicLong();

    private final AtomicBoolean compacting = new AtomicBoolean();

    IndexOutboxDrain(IndexOutbox outbox, SearchIndexer indexer, SearchEngine engine, Clock clock, KbProperties props) {
        super("Index outbox drain", "index", clock, BATCH, 1);
        this.outbox = outbox;
        this.indexer = indexer;
        this.engine = engine;
        this.interval = props.search().drainInterval();
        this.compactAfter = props.search().compactAfter();
    }

    @Override
    protected Schedule schedule() {
        return Schedule.every(interval);
    }

    /** Not with the context: {@code ingest.FirstStart} starts the drain once the start-up seeding is done. */
    @Override
    public boolean isAutoStartup() {
        return false;
    }

    /** Drains until no due row is left, unless a bulk load runs; then compacts after a large drain. */
    @Override
    protected Mono<?> runOnce() {
        if (indexer.bulkLoading()) {
            return Mono.empty();
        }
        return drainAll().doOnNext(this::compactAfterLargeDrain);
    }

    @Override
    protected Flux<IndexOutbox.Entry> due(Instant now, int limit) {
        return outbox.due(now, limit);
    }

    @Override
    protected Flux<IndexOutbox.Entry> leaseAll(List<IndexOutbox.Entry> due, String owner, Instant now) {
        return outbox.lease(due, owner, now, now.plus(LEASE));
    }

    @Override
    protected Mono<Boolean> lease(IndexOutbox.Entry row, String owner, Instant now) {
        return leaseAll(List.of(row), owner, now).hasElements();
    }

    @Override
    protected Mono<Void> attempt(IndexOutbox.Entry row) {
        return attemptAll(List.of(row));
    }

    /**
     * Indexes the batch in one write, then deletes its rows; a failure puts every row back with the wait after
     * the batch's most tried row.
     */
    @Override
    protected Mono<Void> attemptAll(List<IndexOutbox.Entry> held) {
        List<Long> rowIds = held.stream().map(IndexOutbox.Entry::id).toList();
        Set<String> articleIds = new LinkedHashSet<>();
        held.forEach(e -> articleIds.add(e.articleId()));
        int attempts = held.stream().mapToInt(IndexOutbox.Entry::attempts).max().orElse(0);
        return indexer.indexDrained(articleIds)
                .then(Mono.defer(() -> outbox.done(rowIds)))
                .onErrorResume(e -> {
                    Duration backoff = WAITS.backoff(attempts + 1);
                    log.warn(
                            "Indexing {} articles failed (attempt {}), retry in {}: {}",
                            articleIds.size(),
                            attempts + 1,
                            backoff,
                            e.toString());
                    return outbox.retryLater(
                            rowIds, e.toString(), clock().instant().plus(backoff));
                });
    }

    /**
     * Once the outbox is empty after many units went through it (an import, a re-embedding), merges the index in
     * the background: each drained batch wrote small segments.
     */
    private void compactAfterLargeDrain(long drained) {
        long since = drainedSinceCompaction.addAndGet(drained);
        if (compactAfter <= 0
                || since < compactAfter
                || indexer.bulkLoading()
                || !compacting.compareAndSet(false, true)) {
            return;
        }
        drainedSinceCompaction.set(0);
        IndexIo.run(engine::compact)
                .subscribeOn(Schedulers.boundedElastic())
                .doFinally(s -> compacting.set(false))
                .subscribe(ok -> {}, e -> log.warn("Index compaction failed: {}", e.toString()));
    }
}
