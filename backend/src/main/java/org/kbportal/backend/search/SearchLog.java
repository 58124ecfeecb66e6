package org.kbportal.backend.search;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.kbportal.backend.system.KbException;
import org.kbportal.backend.system.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The query log: every search with its filters, hit count, latency and the searcher's role, and
 * which result was opened — zero-hit queries are the knowledge gaps the service report lists.
 *
 * <p>Written behind the answer: a search takes its log id from a block reserved in {@code id_block}
 * (one database round trip per {@value #BLOCK} searches, safe with several instances) and its row is
 * queued; the queue is inserted in batches every {@value #FLUSH_MILLIS} ms, when {@value #BATCH} rows
 * wait, before a click is recorded ({@link #opened}), before a report reads the log ({@link #flush})
 * and when the backend stops. A crash loses at most the last fraction of a second of log rows, never a
 * search. Measured in docs/BENCHMARKS.md (the synchronous insert cost every search a database round trip).
 */
@Service
public class SearchLog extends PeriodicJob {

    static final int BLOCK = 200;
    static final int BATCH = 200;
    static final long FLUSH_MILLIS = 250;
    /** Rows kept while the database refuses them; older searches beyond this go unlogged. */
    static final int MAX_QUEUED = 20_000;

    private static final Logger log = LoggerFactory.getLogger(SearchLog.class);
    private static final String INSERT = "INSERT INTO search_log (id, query, filters, hits, latency_ms, user_role,"
            + " username, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

    private record Row(
            long id,
            String query,
            String filters,
            long hits,
            int latencyMs,
            String role,
            String username,
            OffsetDateTime at) {}

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final ConcurrentLinkedQueue<Row> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final Object lock = new Object();
    private long nextId;
    private long endId;
    private Mono<Void> refill;
    private Sinks.Empty<Void> lastFlush = completed();

    SearchLog(DatabaseClient db, TransactionalOperator tx, Clock clock) {
        super("Query log flush");
        this.db = db;
        this.tx = tx;
        this.clock = clock;
    }

    /** Queues the search's row and returns its id at once (the id a click report names). */
    Mono<Long> record(String query, String filters, long hits, long latencyMs, String role, String username) {
        OffsetDateTime at = clock.instant().atOffset(ZoneOffset.UTC);
        return nextId().map(id -> {
            if (queued.get() >= MAX_QUEUED) {
                log.warn("Query log backlog full ({} rows); search not logged", MAX_QUEUED);
                return id;
            }
            queue.add(new Row(
                    id,
                    query.length() > 500 ? query.substring(0, 500) : query,
                    filters,
                    hits,
                    (int) Math.min(Integer.MAX_VALUE, latencyMs),
                    role,
                    username,
                    at));
            if (queued.incrementAndGet() >= BATCH) {
                flush().subscribe(null, e -> log.warn("Query log flush failed: {}", e.toString()));
            }
            return id;
        });
    }

    private static Sinks.Empty<Void> completed() {
        Sinks.Empty<Void> sink = Sinks.empty();
        sink.tryEmitEmpty();
        return sink;
    }

    /** Records which hit of a logged search was opened. */
    public Mono<Void> opened(long logId, String unitId) {
        return flush().then(db.sql("UPDATE search_log SET opened_id = :o WHERE id = :id")
                        .bind("o", unitId.length() > 220 ? unitId.substring(0, 220) : unitId)
                        .bind("id", logId)
                        .fetch()
                        .rowsUpdated())
                .flatMap(n -> n == 0
                        ? Mono.<Void>error(KbException.notFound("search-not-found", "No logged search " + logId + "."))
                        : Mono.<Void>empty());
    }

    /**
     * Completes once every row queued before the call is in the database (flushes run one after another,
     * each inserting what was queued when it began).
     */
    public Mono<Void> flush() {
        synchronized (lock) {
            List<Row> rows = drain();
            if (!rows.isEmpty()) {
                // each batch starts when the one before it is done; a sink per batch, so a finished batch
                // (and its rows) is not kept alive by the ones after it
                Mono<Void> previous = lastFlush.asMono();
                Sinks.Empty<Void> done = Sinks.empty();
                lastFlush = done;
                // a failed batch is logged and dropped (insert); it never fails a later flush or a click
                previous.then(Mono.defer(() -> insert(rows)))
                        .onErrorResume(e -> Mono.empty())
                        .subscribe(null, null, done::tryEmitEmpty);
            }
            return lastFlush.asMono();
        }
    }

    private List<Row> drain() {
        List<Row> rows = new ArrayList<>();
        Row r;
        while ((r = queue.poll()) != null) {
            rows.add(r);
            queued.decrementAndGet();
        }
        return rows;
    }

    private Mono<Void> insert(List<Row> rows) {
        return db.inConnection(conn -> {
                    var stmt = conn.createStatement(INSERT);
                    for (int i = 0; i < rows.size(); i++) {
                        if (i > 0) {
                            stmt.add();
                        }
                        Row row = rows.get(i);
                        stmt.bind(0, row.id()).bind(1, row.query());
                        bindText(stmt, 2, row.filters());
                        stmt.bind(3, row.hits()).bind(4, row.latencyMs()).bind(5, row.role());
                        bindText(stmt, 6, row.username());
                        stmt.bind(7, row.at());
                    }
                    return Flux.from(stmt.execute())
                            .flatMap(result -> result.getRowsUpdated())
                            .then();
                })
                .then()
                .doOnError(e -> log.warn("{} searches not logged: {}", rows.size(), e.toString()));
    }

    private static void bindText(io.r2dbc.spi.Statement stmt, int index, String value) {
        if (value == null) {
            stmt.bindNull(index, String.class);
        } else {
            stmt.bind(index, value);
        }
    }

    /** The next reserved id; reserves a new block (one transaction, any instance) when this one is used up. */
    private Mono<Long> nextId() {
        Mono<Void> waitFor;
        synchronized (lock) {
            if (nextId < endId) {
                return Mono.just(nextId++);
            }
            if (refill == null) {
                refill = reserveBlock()
                        .doOnNext(start -> {
                            synchronized (lock) {
                                nextId = start;
                                endId = start + BLOCK;
                            }
                        })
                        .then()
                        .doFinally(s -> {
                            synchronized (lock) {
                                refill = null;
                            }
                        })
                        .cache();
            }
            waitFor = refill;
        }
        return waitFor.then(Mono.defer(this::nextId));
    }

    private Mono<Long> reserveBlock() {
        // never below the table's highest id: a restored archive from before id_block, or rows written by other
        // tools, must not make the log collide with itself (the primary key index answers MAX at once)
        return tx.transactional(db.sql("UPDATE id_block SET next_id = GREATEST(next_id,"
                                + " (SELECT COALESCE(MAX(id), 0) + 1 FROM search_log)) + :n WHERE name = 'search_log'")
                        .bind("n", BLOCK)
                        .fetch()
                        .rowsUpdated()
                        .then(db.sql("SELECT next_id FROM id_block WHERE name = 'search_log'")
                                .map(r -> ((Number) r.get("next_id")).longValue())
                                .one()))
                .map(end -> end - BLOCK);
    }

    /** Starts before and stops after the web server (so the last searches are in the final flush). */
    @Override
    public int getPhase() {
        return 0;
    }

    @Override
    protected Schedule schedule() {
        return Schedule.every(Duration.ofMillis(FLUSH_MILLIS));
    }

    @Override
    protected Mono<?> runOnce() {
        return flush();
    }

    @Override
    protected Mono<?> onStop() {
        return flush();
    }
}
