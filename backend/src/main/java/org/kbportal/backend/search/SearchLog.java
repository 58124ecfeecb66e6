package org.kbportal.backend.search;

import java.time.Clock;
import java.time.ZoneOffset;
import org.kbportal.backend.system.KbException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The query log: every search with its filters, hit count, latency and the searcher's role, and
 * which result was opened — zero-hit queries are the knowledge gaps the service report lists.
 */
@Service
public class SearchLog {

    private final DatabaseClient db;
    private final Clock clock;

    SearchLog(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    Mono<Long> record(String query, String filters, long hits, long latencyMs, String role, String username) {
        var spec = db.sql("INSERT INTO search_log (query, filters, hits, latency_ms, user_role, username, created_at)"
                        + " VALUES (:q, :f, :h, :l, :r, :u, :at)")
                .bind("q", query.length() > 500 ? query.substring(0, 500) : query)
                .bind("h", hits)
                .bind("l", (int) Math.min(Integer.MAX_VALUE, latencyMs))
                .bind("r", role)
                .bind("at", clock.instant().atOffset(ZoneOffset.UTC));
        spec = username == null ? spec.bindNull("u", String.class) : spec.bind("u", username);
        spec = filters == null ? spec.bindNull("f", String.class) : spec.bind("f", filters);
        return spec.filter(s -> s.returnGeneratedValues("id"))
                .map(r -> ((Number) r.get("id")).longValue())
                .one();
    }

    /** Records which hit of a logged search was opened. */
    public Mono<Void> opened(long logId, String unitId) {
        return db.sql("UPDATE search_log SET opened_id = :o WHERE id = :id")
                .bind("o", unitId.length() > 220 ? unitId.substring(0, 220) : unitId)
                .bind("id", logId)
                .fetch()
                .rowsUpdated()
                .flatMap(n -> n == 0
                        ? Mono.<Void>error(KbException.notFound("search-not-found", "No logged search " + logId + "."))
                        : Mono.<Void>empty());
    }
}
