package org.kbportal.backend.article;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The transactional outbox of article changes that derived data (the search index) must follow.
 * {@link ArticleService} adds rows in the same transaction as the change; the search index's
 * {@code LeasedDrain} takes due rows under a time-limited lease (so several backend instances can drain
 * one table), and deletes them when done or pushes them back with a backoff when it failed.
 */
@Service
public class IndexOutbox {

    private final DatabaseClient db;
    private final Clock clock;

    IndexOutbox(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A pending change: the row id, the article, and how often it was tried before. */
    public record Entry(long id, String articleId, int attempts) {}

    /** Adds one row per article; call it inside the transaction that changes the articles. */
    Mono<Void> enqueue(Collection<String> articleIds) {
        if (articleIds.isEmpty()) {
            return Mono.empty();
        }
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        return db.inConnection(conn -> {
                    var stmt = conn.createStatement("INSERT INTO index_outbox (article_id, created_at, attempts,"
                            + " next_attempt_at) VALUES ($1, $2, 0, $2)");
                    boolean first = true;
                    for (String id : articleIds) {
                        if (!first) {
                            stmt.add();
                        }
                        stmt.bind(0, id).bind(1, now);
                        first = false;
                    }
                    return Flux.from(stmt.execute())
                            .flatMap(r -> r.getRowsUpdated())
                            .then();
                })
                .then();
    }

    /** Up to {@code limit} rows due at {@code now} that no live lease holds, oldest first. */
    public Flux<Entry> due(Instant now, int limit) {
        return db.sql("SELECT id, article_id, attempts FROM index_outbox WHERE next_attempt_at <= :now"
                        + " AND (locked_until IS NULL OR locked_until < :now) ORDER BY id LIMIT :limit")
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .bind("limit", limit)
                .map(IndexOutbox::entry)
                .all();
    }

    /**
     * Leases the rows of {@code due} that no live lease holds to {@code owner} until {@code until}, in one
     * statement; emits the rows this owner won.
     */
    public Flux<Entry> lease(List<Entry> due, String owner, Instant now, Instant until) {
        if (due.isEmpty()) {
            return Flux.empty();
        }
        List<Long> ids = due.stream().map(Entry::id).toList();
        return db.sql("UPDATE index_outbox SET locked_by = :owner, locked_until = :until WHERE id IN (:ids)"
                        + " AND (locked_until IS NULL OR locked_until < :now)")
                .bind("owner", owner)
                .bind("until", until.atOffset(ZoneOffset.UTC))
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .bind("ids", ids)
                .fetch()
                .rowsUpdated()
                .flatMapMany(n -> n == 0
                        ? Flux.empty()
                        : db.sql("SELECT id, article_id, attempts FROM index_outbox WHERE locked_by = :owner"
                                        + " AND id IN (:ids) ORDER BY id")
                                .bind("owner", owner)
                                .bind("ids", ids)
                                .map(IndexOutbox::entry)
                                .all());
    }

    private static Entry entry(io.r2dbc.spi.Readable r) {
        return new Entry(
                ((Number) r.get("id")).longValue(),
                r.get("article_id", String.class),
                ((Number) r.get("attempts")).intValue());
    }

    /** Removes finished rows. */
    public Mono<Void> done(List<Long> ids) {
        if (ids.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("DELETE FROM index_outbox WHERE id IN (:ids)")
                .bind("ids", ids)
                .then();
    }

    /** Releases failed rows to be tried again at {@code next}. */
    public Mono<Void> retryLater(List<Long> ids, String error, Instant next) {
        if (ids.isEmpty()) {
            return Mono.empty();
        }
        String message = error == null ? "unknown error" : error.length() > 1000 ? error.substring(0, 1000) : error;
        return db.sql("UPDATE index_outbox SET attempts = attempts + 1, next_attempt_at = :next, locked_by = NULL,"
                        + " locked_until = NULL, last_error = :error WHERE id IN (:ids)")
                .bind("next", next.atOffset(ZoneOffset.UTC))
                .bind("error", message)
                .bind("ids", ids)
                .then();
    }

    /** Rows not yet processed (including ones waiting for a retry). */
    public Mono<Long> pending() {
        return db.sql("SELECT COUNT(*) AS n FROM index_outbox")
                .map(r -> ((Number) r.get("n")).longValue())
                .one();
    }

    /** Rows whose last attempt failed, for the status page. */
    public Mono<Long> failing() {
        return db.sql("SELECT COUNT(*) AS n FROM index_outbox WHERE attempts > 0")
                .map(r -> ((Number) r.get("n")).longValue())
                .one();
    }
}
