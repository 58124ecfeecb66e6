package org.kbportal.backend.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/** Writes report rows straight into the database of a running backend (tests only; blocking). */
final class ReportFixture {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final DatabaseClient db;

    ReportFixture(DatabaseClient db) {
        this.db = db;
    }

    /** A local date-time in Asia/Shanghai, e.g. "2026-09-01T10:00". */
    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZONE).toInstant();
    }

    long userId(String username) {
        return ((Number) db.sql("SELECT id FROM app_user WHERE username = :u")
                        .bind("u", username)
                        .map(r -> r.get("id"))
                        .one()
                        .block(WAIT))
                .longValue();
    }

    /** A question row; {@code assignee} may be null. */
    long question(
            String kind,
            String severity,
            String category,
            String status,
            String tier,
            Long assignee,
            boolean workingTime,
            Instant created,
            Instant replyDue,
            Instant resolveDue,
            Instant firstReply,
            Instant resolved) {
        long asker = userId("user");
        GenericExecuteSpec spec = db.sql("INSERT INTO question (title, body, kind, severity, category, asker_id,"
                        + " status, assignee_id, tier, escalated, working_time, reply_due_at, resolve_due_at,"
                        + " first_reply_at, resolved_at, version, created_at, updated_at) VALUES (:t, :b, :k, :s, :c,"
                        + " :a, :st, :as, :tier, :esc, :wt, :rd, :sd, :fr, :res, 1, :cr, :cr)")
                .bind("t", kind + " " + category + " " + created)
                .bind("b", "<p>报告测试</p>")
                .bind("k", kind)
                .bind("s", severity)
                .bind("c", category)
                .bind("a", asker)
                .bind("st", status)
                .bind("tier", tier)
                .bind("esc", !tier.equals("L1"))
                .bind("wt", workingTime)
                .bind("rd", utc(replyDue))
                .bind("sd", utc(resolveDue))
                .bind("cr", utc(created));
        spec = assignee == null ? spec.bindNull("as", Long.class) : spec.bind("as", assignee);
        spec = firstReply == null ? spec.bindNull("fr", OffsetDateTime.class) : spec.bind("fr", utc(firstReply));
        spec = resolved == null ? spec.bindNull("res", OffsetDateTime.class) : spec.bind("res", utc(resolved));
        return ((Number) spec.filter(s -> s.returnGeneratedValues("id"))
                        .map(r -> r.get("id"))
                        .one()
                        .block(WAIT))
                .longValue();
    }

    void event(long question, String type, Long actor, String from, String to, String detail, Instant at) {
        GenericExecuteSpec spec = db.sql("INSERT INTO question_event (question_id, type, actor_id, from_status,"
                        + " to_status, detail, created_at) VALUES (:q, :t, :a, :f, :to, :d, :at)")
                .bind("q", question)
                .bind("t", type)
                .bind("at", utc(at));
        spec = actor == null ? spec.bindNull("a", Long.class) : spec.bind("a", actor);
        spec = from == null ? spec.bindNull("f", String.class) : spec.bind("f", from);
        spec = to == null ? spec.bindNull("to", String.class) : spec.bind("to", to);
        spec = detail == null ? spec.bindNull("d", String.class) : spec.bind("d", detail);
        spec.then().block(WAIT);
    }

    void status(long question, String from, String to, Instant at) {
        event(question, "STATUS", null, from, to, null, at);
    }

    void rating(long question, int attitude, int expertise, int timeliness, String comment, Instant at) {
        GenericExecuteSpec spec = db.sql("INSERT INTO question_rating (question_id, attitude, expertise, timeliness,"
                        + " comment, flagged, rated_by, created_at) VALUES (:q, :a, :e, :t, :c, :f, :by, :at)")
                .bind("q", question)
                .bind("a", attitude)
                .bind("e", expertise)
                .bind("t", timeliness)
                .bind("f", Math.min(attitude, Math.min(expertise, timeliness)) <= 2)
                .bind("by", userId("user"))
                .bind("at", utc(at));
        spec = comment == null ? spec.bindNull("c", String.class) : spec.bind("c", comment);
        spec.then().block(WAIT);
    }

    void deflection(String article, String query, Instant at) {
        GenericExecuteSpec spec = db.sql("INSERT INTO question_deflection (user_id, article_id, query, created_at)"
                        + " VALUES (:u, :a, :q, :at)")
                .bind("u", userId("user"))
                .bind("at", utc(at));
        spec = article == null ? spec.bindNull("a", String.class) : spec.bind("a", article);
        spec = query == null ? spec.bindNull("q", String.class) : spec.bind("q", query);
        spec.then().block(WAIT);
    }

    void article(String id, String type, String category, Instant created) {
        article(id, type, category, created, "admin");
    }

    void article(String id, String type, String category, Instant created, String by) {
        db.sql("INSERT INTO article (id, type, lang, category, title, body, status, version, created_by, created_at,"
                        + " updated_by, updated_at) VALUES (:id, :t, 'zh', :c, :title, '正文', 'PUBLISHED', 1, :by,"
                        + " :at, :by, :at)")
                .bind("by", by)
                .bind("id", id)
                .bind("t", type)
                .bind("c", category)
                .bind("title", "文章 " + id)
                .bind("at", utc(created))
                .then()
                .block(WAIT);
        version(id, 1, type, category, created);
    }

    void version(String id, int version, String type, String category, Instant saved) {
        db.sql("INSERT INTO article_version (article_id, version, type, lang, category, title, body, status, saved_by,"
                        + " saved_at) VALUES (:id, :v, :t, 'zh', :c, :title, '正文', 'PUBLISHED', 'admin', :at)")
                .bind("id", id)
                .bind("v", version)
                .bind("t", type)
                .bind("c", category)
                .bind("title", "文章 " + id)
                .bind("at", utc(saved))
                .then()
                .block(WAIT);
    }

    void search(String query, long hits, int times, Instant at) {
        for (int i = 0; i < times; i++) {
            // ids as the portal takes them: from the reserved block (search/SearchLog)
            db.sql("UPDATE id_block SET next_id = next_id + 1 WHERE name = 'search_log'")
                    .then()
                    .block(WAIT);
            db.sql("INSERT INTO search_log (id, query, hits, latency_ms, user_role, created_at)"
                            + " SELECT next_id - 1, :q, :h, 5, 'USER', :at FROM id_block WHERE name = 'search_log'")
                    .bind("q", query)
                    .bind("h", hits)
                    .bind("at", utc(at))
                    .then()
                    .block(WAIT);
        }
    }

    void holiday(String date, String name) {
        db.sql("INSERT INTO calendar_day (cal_date, working, name) VALUES (:d, FALSE, :n)")
                .bind("d", java.time.LocalDate.parse(date))
                .bind("n", name)
                .then()
                .block(WAIT);
    }

    long count(String sql, Map<String, Object> binds) {
        GenericExecuteSpec spec = db.sql(sql);
        for (Map.Entry<String, Object> e : binds.entrySet()) {
            spec = spec.bind(e.getKey(), e.getValue());
        }
        return ((Number) spec.map(r -> r.get(0)).one().block(WAIT)).longValue();
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
