package org.kbportal.backend.report;

import static org.kbportal.backend.system.Rows.instant;
import static org.kbportal.backend.system.Rows.utc;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Read-only queries of the report over the tables of questions, articles and search: a read model,
 * so the feature packages keep their own repositories private. Every query is bounded by the period
 * ({@code from} inclusive, {@code to} exclusive) and, when given, the category.
 */
@Repository
class ReportRepository {

    private final DatabaseClient db;
    private final org.kbportal.backend.search.SearchLog searchLog;

    ReportRepository(DatabaseClient db, org.kbportal.backend.search.SearchLog searchLog) {
        this.db = db;
        this.searchLog = searchLog;
    }

    /** The period's rows; {@code category} null means all. */
    Mono<ReportData> load(Instant from, Instant to, String category) {
        Mono<List<ReportData.QuestionRow>> questions = questions(from, to, category);
        Mono<Map<Long, List<ReportData.StatusChange>>> changes = statusChanges(from, to, category);
        return Mono.zip(
                        questions,
                        changes,
                        escalations(from, to, category),
                        countEvents("SLA_BREACH", null, from, to, category),
                        countEvents("STATUS", "REOPENED", from, to, category),
                        ratings(from, to, category),
                        deflections(from, to, category),
                        articles(from, to, category))
                .flatMap(t -> Mono.zip(
                                versionsSaved(from, to, category),
                                published(from, to, category),
                                searches(from, to),
                                categoryNames())
                        .map(u -> new ReportData(
                                t.getT1(), t.getT2(), t.getT3(), t.getT4(), t.getT5(), t.getT6(), t.getT7(), t.getT8(),
                                u.getT1(), u.getT2(), u.getT3(), u.getT4())));
    }

    private Mono<List<ReportData.QuestionRow>> questions(Instant from, Instant to, String category) {
        String sql = "SELECT q.id, q.kind, q.severity, q.category, q.status, q.tier, q.escalated, q.working_time,"
                + " q.assignee_id, u.display_name, q.reply_due_at, q.resolve_due_at, q.first_reply_at,"
                + " q.resolved_at, q.created_at FROM question q LEFT JOIN app_user u ON u.id = q.assignee_id"
                + " WHERE q.created_at >= :from AND q.created_at < :to"
                + (category == null ? "" : " AND q.category = :c")
                + " ORDER BY q.id";
        return period(sql, from, to, category)
                .map(r -> new ReportData.QuestionRow(
                        num(r, "id"),
                        r.get("kind", String.class),
                        r.get("severity", String.class),
                        r.get("category", String.class),
                        r.get("status", String.class),
                        r.get("tier", String.class),
                        Boolean.TRUE.equals(r.get("escalated", Boolean.class)),
                        Boolean.TRUE.equals(r.get("working_time", Boolean.class)),
                        numOrNull(r, "assignee_id"),
                        r.get("display_name", String.class),
                        instant(r, "reply_due_at"),
                        instant(r, "resolve_due_at"),
                        instant(r, "first_reply_at"),
                        instant(r, "resolved_at"),
                        instant(r, "created_at")))
                .all()
                .collectList();
    }

    /**
     * The STATUS events that matter to the clocks (to ANSWERED, into and out of WAITING_FOR_USER) of the
     * questions asked in the period, whenever they happened, by question.
     */
    private Mono<Map<Long, List<ReportData.StatusChange>>> statusChanges(Instant from, Instant to, String category) {
        String sql = "SELECT e.question_id, e.from_status, e.to_status, e.created_at FROM question_event e"
                + " JOIN question q ON q.id = e.question_id WHERE e.type = 'STATUS'"
                // only what stops the resolve clock or pauses it
                + " AND (e.to_status IN ('ANSWERED', 'WAITING_FOR_USER') OR e.from_status = 'WAITING_FOR_USER')"
                + " AND q.created_at >= :from AND q.created_at < :to"
                + (category == null ? "" : " AND q.category = :c") + " ORDER BY e.question_id, e.id";
        return period(sql, from, to, category)
                .map(r -> Map.entry(
                        num(r, "question_id"),
                        new ReportData.StatusChange(
                                r.get("from_status", String.class),
                                r.get("to_status", String.class),
                                instant(r, "created_at"))))
                .all()
                .collect(
                        LinkedHashMap::new,
                        (m, e) -> m.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                                .add(e.getValue()));
    }

    private Mono<List<ReportData.EscalationRow>> escalations(Instant from, Instant to, String category) {
        String sql = "SELECT e.question_id, q.category, e.actor_id, e.detail, e.created_at FROM question_event e"
                + " JOIN question q ON q.id = e.question_id WHERE e.type = 'ESCALATED'"
                + " AND e.created_at >= :from AND e.created_at < :to"
                + (category == null ? "" : " AND q.category = :c") + " ORDER BY e.id";
        return period(sql, from, to, category)
                .map(r -> new ReportData.EscalationRow(
                        num(r, "question_id"),
                        r.get("category", String.class),
                        numOrNull(r, "actor_id"),
                        r.get("detail", String.class),
                        instant(r, "created_at")))
                .all()
                .collectList();
    }

    private Mono<Long> countEvents(String type, String toStatus, Instant from, Instant to, String category) {
        String sql = "SELECT COUNT(*) AS n FROM question_event e JOIN question q ON q.id = e.question_id"
                + " WHERE e.type = '" + type + "'" + (toStatus == null ? "" : " AND e.to_status = '" + toStatus + "'")
                + " AND e.created_at >= :from AND e.created_at < :to"
                + (category == null ? "" : " AND q.category = :c");
        return period(sql, from, to, category).map(r -> num(r, "n")).one();
    }

    private Mono<List<ReportData.RatingRow>> ratings(Instant from, Instant to, String category) {
        String sql = "SELECT r.question_id, q.category, q.assignee_id, r.attitude, r.expertise, r.timeliness,"
                + " r.comment, r.flagged, r.created_at FROM question_rating r JOIN question q ON q.id = r.question_id"
                + " WHERE r.created_at >= :from AND r.created_at < :to"
                + (category == null ? "" : " AND q.category = :c") + " ORDER BY r.created_at, r.question_id";
        return period(sql, from, to, category)
                .map(r -> new ReportData.RatingRow(
                        num(r, "question_id"),
                        r.get("category", String.class),
                        numOrNull(r, "assignee_id"),
                        (int) num(r, "attitude"),
                        (int) num(r, "expertise"),
                        (int) num(r, "timeliness"),
                        r.get("comment", String.class),
                        Boolean.TRUE.equals(r.get("flagged", Boolean.class)),
                        instant(r, "created_at")))
                .all()
                .collectList();
    }

    private Mono<List<ReportData.DeflectionRow>> deflections(Instant from, Instant to, String category) {
        String sql = "SELECT d.article_id, a.title, d.query, d.created_at FROM question_deflection d"
                + " LEFT JOIN article a ON a.id = d.article_id WHERE d.created_at >= :from AND d.created_at < :to"
                + (category == null ? "" : " AND a.category = :c") + " ORDER BY d.id";
        return period(sql, from, to, category)
                .map(r -> new ReportData.DeflectionRow(
                        r.get("article_id", String.class),
                        r.get("title", String.class),
                        r.get("query", String.class),
                        instant(r, "created_at")))
                .all()
                .collectList();
    }

    /** Who the seed loader ({@code ingest/SeedLoader}) names as the author of what it loads. */
    static final String SEED_AUTHOR = "seed";

    private Mono<List<ReportData.ArticleRow>> articles(Instant from, Instant to, String category) {
        // the articles loaded from index-data/ at first start are the starting stock, not the month's new knowledge
        String sql = "SELECT id, type, category, created_at FROM article WHERE created_at >= :from AND created_at < :to"
                + " AND created_by <> '" + SEED_AUTHOR + "'"
                + (category == null ? "" : " AND category = :c") + " ORDER BY id";
        return period(sql, from, to, category)
                .map(r -> new ReportData.ArticleRow(
                        r.get("id", String.class),
                        r.get("type", String.class),
                        r.get("category", String.class),
                        instant(r, "created_at")))
                .all()
                .collectList();
    }

    /** Article versions saved in the period after the first one (edits of existing articles). */
    private Mono<Long> versionsSaved(Instant from, Instant to, String category) {
        String sql = "SELECT COUNT(*) AS n FROM article_version v WHERE v.version > 1"
                + " AND v.saved_at >= :from AND v.saved_at < :to" + (category == null ? "" : " AND v.category = :c");
        return period(sql, from, to, category).map(r -> num(r, "n")).one();
    }

    private Mono<List<ReportData.PublishedRow>> published(Instant from, Instant to, String category) {
        String sql = "SELECT e.question_id, e.detail, e.created_at FROM question_event e"
                + " JOIN question q ON q.id = e.question_id WHERE e.type = 'PUBLISHED'"
                + " AND e.created_at >= :from AND e.created_at < :to"
                + (category == null ? "" : " AND q.category = :c") + " ORDER BY e.id";
        return period(sql, from, to, category)
                .map(r -> {
                    // detail is "<FAQ|CASE> <article id>" (KnowledgePublisher)
                    String detail = r.get("detail", String.class);
                    String[] parts = detail == null ? new String[0] : detail.split(" ", 2);
                    return new ReportData.PublishedRow(
                            num(r, "question_id"),
                            parts.length > 0 ? parts[0] : "",
                            parts.length > 1 ? parts[1] : null,
                            instant(r, "created_at"));
                })
                .all()
                .collectList();
    }

    /** Searches of the whole portal in the period (the query log has no category), grouped by text. */
    private Mono<List<ReportData.QueryRow>> searches(Instant from, Instant to) {
        String sql = "SELECT query, COUNT(*) AS n, SUM(CASE WHEN hits = 0 THEN 1 ELSE 0 END) AS z FROM search_log"
                + " WHERE created_at >= :from AND created_at < :to GROUP BY query";
        // the query log is written behind the searches: this instance's queued rows count too
        return searchLog
                .flush()
                .then(period(sql, from, to, null)
                        .map(r -> new ReportData.QueryRow(r.get("query", String.class), num(r, "n"), num(r, "z")))
                        .all()
                        .collectList());
    }

    private Mono<Map<String, String>> categoryNames() {
        return db.sql("SELECT code, name_zh FROM category ORDER BY sort_order, code")
                .map(r -> Map.entry(r.get("code", String.class), r.get("name_zh", String.class)))
                .all()
                .collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()));
    }

    /** Claims a scheduled run: true for the one caller whose row went in, false when the key exists. */
    Mono<Boolean> claimRun(String kind, String period, String instance, int recipients, Instant now) {
        return db.sql("INSERT INTO report_run (kind, period, instance, recipients, created_at)"
                        + " VALUES (:k, :p, :i, :r, :now)")
                .bind("k", kind)
                .bind("p", period)
                .bind("i", instance)
                .bind("r", recipients)
                .bind("now", utc(now))
                .fetch()
                .rowsUpdated()
                .map(n -> n == 1)
                .onErrorResume(ReportRepository::duplicateKey, e -> Mono.just(false));
    }

    /** Whether a run of this kind and period is recorded. */
    Mono<Boolean> hasRun(String kind, String period) {
        return db.sql("SELECT COUNT(*) AS n FROM report_run WHERE kind = :k AND period = :p")
                .bind("k", kind)
                .bind("p", period)
                .map(r -> num(r, "n") > 0)
                .one();
    }

    static boolean duplicateKey(Throwable e) {
        return e instanceof org.springframework.dao.DuplicateKeyException
                || e instanceof org.springframework.dao.DataIntegrityViolationException
                || e instanceof io.r2dbc.spi.R2dbcDataIntegrityViolationException;
    }

    private GenericExecuteSpec period(String sql, Instant from, Instant to, String category) {
        GenericExecuteSpec spec = db.sql(sql).bind("from", utc(from)).bind("to", utc(to));
        return category == null ? spec : spec.bind("c", category);
    }

    private static long num(Readable r, String column) {
        Object v = r.get(column);
        return v == null ? 0 : ((Number) v).longValue();
    }

    private static Long numOrNull(Readable r, String column) {
        Object v = r.get(column);
        return v == null ? null : ((Number) v).longValue();
    }
}
