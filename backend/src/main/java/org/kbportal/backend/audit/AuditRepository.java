package org.kbportal.backend.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kbportal.contract.audit.AuditEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads audit events; writing, completing and purging them is {@link AuditChain}'s, which keeps the
 * hash chain.
 */
@Repository
class AuditRepository {

    private final DatabaseClient db;

    AuditRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The filter as SQL: every condition is optional. */
    private record Where(String sql, Map<String, Object> binds) {}

    private static Where where(AuditLog.Query q) {
        List<String> parts = new ArrayList<>();
        Map<String, Object> binds = new LinkedHashMap<>();
        if (q.from() != null) {
            parts.add("occurred_at >= :from");
            binds.put("from", q.from().atOffset(ZoneOffset.UTC));
        }
        if (q.to() != null) {
            parts.add("occurred_at < :to");
            binds.put("to", q.to().atOffset(ZoneOffset.UTC));
        }
        if (q.actor() != null) {
            parts.add("actor = :actor");
            binds.put("actor", q.actor());
        }
        if (q.action() != null) {
            // "articles" matches articles.publish, articles.archive, ...
            parts.add("(action = :action OR action LIKE :actionPrefix)");
            binds.put("action", q.action());
            binds.put("actionPrefix", q.action().replace("%", "").replace("_", "\\_") + ".%");
        }
        return new Where(parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts), binds);
    }

    Flux<AuditEvent> find(AuditLog.Query q, int offset, int limit) {
        Where w = where(q);
        var spec = db.sql("SELECT id, occurred_at, actor, action, target, status, details, client_ip FROM audit_event"
                + w.sql() + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset");
        for (var b : w.binds().entrySet()) {
            spec = spec.bind(b.getKey(), b.getValue());
        }
        return spec.bind("limit", limit)
                .bind("offset", offset)
                .map(r -> new AuditEvent(
                        ((Number) r.get("id")).longValue(),
                        r.get("occurred_at", java.time.OffsetDateTime.class).toInstant(),
                        r.get("actor", String.class),
                        r.get("action", String.class),
                        r.get("target", String.class),
                        r.get("status") == null ? null : ((Number) r.get("status")).intValue(),
                        r.get("details", String.class),
                        r.get("client_ip", String.class)))
                .all();
    }

    Mono<Long> count(AuditLog.Query q) {
        Where w = where(q);
        var spec = db.sql("SELECT COUNT(*) AS n FROM audit_event" + w.sql());
        for (var b : w.binds().entrySet()) {
            spec = spec.bind(b.getKey(), b.getValue());
        }
        return spec.map(r -> ((Number) r.get("n")).longValue()).one();
    }

    Mono<Long> countBefore(Instant cutoff) {
        return db.sql("SELECT COUNT(*) AS n FROM audit_event WHERE occurred_at < :cutoff")
                .bind("cutoff", cutoff.atOffset(ZoneOffset.UTC))
                .map(r -> ((Number) r.get("n")).longValue())
                .one();
    }
}
