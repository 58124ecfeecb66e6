package org.kbportal.backend.question;

import static org.kbportal.backend.system.Rows.instant;
import static org.kbportal.backend.system.Rows.utc;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.kbportal.contract.duty.Tier;
import org.kbportal.contract.question.QuestionDetail;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class QuestionRepository {

    private static final String SELECT = "SELECT q.*, au.username AS asker_name, su.username AS assignee_name"
            + " FROM question q JOIN app_user au ON au.id = q.asker_id LEFT JOIN app_user su ON su.id = q.assignee_id";
    private static final String OPEN_SQL =
            QuestionStatus.OPEN.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));

    private final DatabaseClient db;

    QuestionRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Long> insert(Question q) {
        GenericExecuteSpec spec = db.sql("INSERT INTO question (title, body, kind, severity, category, asker_id,"
                        + " asker_org, asker_org_id, contact_pref, status, tier, working_time, reply_warn_at,"
                        + " reply_due_at, resolve_warn_at, resolve_due_at, version, created_at, updated_at) VALUES"
                        + " (:title, :body, :kind, :sev, :cat, :asker, :org, :orgId, :contact, :status, :tier, :wt,"
                        + " :rw, :rd, :sw, :sd, 1, :now, :now)")
                .bind("title", q.title())
                .bind("body", q.body())
                .bind("kind", q.kind())
                .bind("sev", q.severity())
                .bind("cat", q.category())
                .bind("asker", q.askerId())
                .bind("status", q.status().name())
                .bind("tier", q.tier().name())
                .bind("wt", q.workingTime())
                .bind("rw", utc(q.clocks().replyWarnAt()))
                .bind("rd", utc(q.clocks().replyDueAt()))
                .bind("sw", utc(q.clocks().resolveWarnAt()))
                .bind("sd", utc(q.clocks().resolveDueAt()))
                .bind("now", utc(q.createdAt()));
        spec = str(spec, "org", q.askerOrg());
        spec = q.askerOrgId() == null ? spec.bindNull("orgId", Long.class) : spec.bind("orgId", q.askerOrgId());
        spec = str(spec, "contact", q.contactPref());
        return spec.filter(s -> s.returnGeneratedValues("id"))
                .map(r -> ((Number) r.get("id")).longValue())
                .one();
    }

    /**
     * Writes the mutable state when the row is still at {@code expectedVersion} (and, with {@code
     * unassignedOnly}, has no assignee): the guard that makes two instances never both win.
     */
    Mono<Boolean> update(Question q, int expectedVersion, boolean unassignedOnly, Instant now) {
        GenericExecuteSpec spec = db.sql("UPDATE question SET status = :status, assignee_id = :assignee, tier = :tier,"
                        + " escalated = :esc, reply_warn_at = :rw, reply_due_at = :rd, resolve_warn_at = :sw,"
                        + " resolve_due_at = :sd, reply_warned = (reply_warned OR :rwd),"
                        + " reply_breached = (reply_breached OR :rbd), resolve_warned = (resolve_warned OR :swd),"
                        + " resolve_breached = (resolve_breached OR :sbd), first_reply_at = :fr, resolved_at = :ra, closed_at = :ca,"
                        + " paused_since = :ps, paused_seconds = :pss, article_id = :art, version = version + 1,"
                        + " updated_at = :now WHERE id = :id AND version = :v"
                        + (unassignedOnly ? " AND assignee_id IS NULL" : ""))
                .bind("status", q.status().name())
                .bind("tier", q.tier().name())
                .bind("esc", q.escalated())
                .bind("rw", utc(q.clocks().replyWarnAt()))
                .bind("rd", utc(q.clocks().replyDueAt()))
                .bind("sw", utc(q.clocks().resolveWarnAt()))
                .bind("sd", utc(q.clocks().resolveDueAt()))
                .bind("rwd", q.clocks().replyWarned())
                .bind("rbd", q.clocks().replyBreached())
                .bind("swd", q.clocks().resolveWarned())
                .bind("sbd", q.clocks().resolveBreached())
                .bind("pss", q.pausedSeconds())
                .bind("now", utc(now))
                .bind("id", q.id())
                .bind("v", expectedVersion);
        spec = q.assigneeId() == null ? spec.bindNull("assignee", Long.class) : spec.bind("assignee", q.assigneeId());
        spec = time(spec, "fr", q.firstReplyAt());
        spec = time(spec, "ra", q.resolvedAt());
        spec = time(spec, "ca", q.closedAt());
        spec = time(spec, "ps", q.pausedSince());
        spec = str(spec, "art", q.articleId());
        return spec.fetch().rowsUpdated().map(n -> n == 1);
    }

    /** Sets one SLA flag if it is not set yet; true for the one caller that set it. */
    Mono<Boolean> raiseFlag(long id, String flag) {
        if (!flag.matches("reply_warned|reply_breached|resolve_warned|resolve_breached")) {
            throw new IllegalArgumentException(flag);
        }
        return db.sql("UPDATE question SET " + flag + " = TRUE WHERE id = :id AND " + flag + " = FALSE")
                .bind("id", id)
                .fetch()
                .rowsUpdated()
                .map(n -> n == 1);
    }

    Mono<Question> find(long id) {
        return db.sql(SELECT + " WHERE q.id = :id")
                .bind("id", id)
                .map(QuestionRepository::question)
                .one();
    }

    Flux<Question> byAsker(long askerId) {
        return db.sql(SELECT + " WHERE q.asker_id = :a ORDER BY q.id DESC LIMIT 200")
                .bind("a", askerId)
                .map(QuestionRepository::question)
                .all();
    }

    Flux<Question> byAskerOrOrg(long askerId, Long orgId) {
        if (orgId == null) {
            return byAsker(askerId);
        }
        return db.sql(SELECT + " WHERE q.asker_id = :a OR q.asker_org_id = :o ORDER BY q.id DESC LIMIT 200")
                .bind("a", askerId)
                .bind("o", orgId)
                .map(QuestionRepository::question)
                .all();
    }

    Flux<Question> byAssignee(long assigneeId) {
        return db.sql(SELECT + " WHERE q.assignee_id = :a ORDER BY q.id DESC LIMIT 200")
                .bind("a", assigneeId)
                .map(QuestionRepository::question)
                .all();
    }

    Flux<Question> recent() {
        return db.sql(SELECT + " ORDER BY q.id DESC LIMIT 200")
                .map(QuestionRepository::question)
                .all();
    }

    /** Open questions without an assignee, oldest first. */
    Flux<Question> unassigned() {
        return db.sql(SELECT + " WHERE q.assignee_id IS NULL AND q.status IN " + OPEN_SQL + " ORDER BY q.id")
                .map(QuestionRepository::question)
                .all();
    }

    /** Open questions per assignee. */
    Mono<Map<Long, Long>> loads() {
        return db.sql("SELECT assignee_id, COUNT(*) AS n FROM question WHERE assignee_id IS NOT NULL AND status IN "
                        + OPEN_SQL + " GROUP BY assignee_id")
                .map(r -> Map.entry(((Number) r.get("assignee_id")).longValue(), ((Number) r.get("n")).longValue()))
                .all()
                .collect(HashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()));
    }

    /** Questions whose {@code column} time has passed while the clock runs and {@code flag} is unset. */
    Flux<Question> clockPassed(String column, String flag, Collection<QuestionStatus> statuses, Instant now) {
        String in = statuses.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));
        return db.sql(SELECT + " WHERE q." + column + " <= :now AND q." + flag + " = FALSE AND q.paused_since IS NULL"
                        + " AND q.status IN " + in + " ORDER BY q.id LIMIT 100")
                .bind("now", utc(now))
                .map(QuestionRepository::question)
                .all();
    }

    Flux<Question> resolvedBefore(Instant before) {
        return db.sql(SELECT + " WHERE q.status = 'RESOLVED' AND q.resolved_at <= :t ORDER BY q.id LIMIT 100")
                .bind("t", utc(before))
                .map(QuestionRepository::question)
                .all();
    }

    Mono<Boolean> involved(long questionId, long userId) {
        return db.sql("SELECT COUNT(*) AS n FROM question_event WHERE question_id = :q AND actor_id = :u")
                .bind("q", questionId)
                .bind("u", userId)
                .map(r -> ((Number) r.get("n")).longValue() > 0)
                .one();
    }

    // --- timeline, messages, ratings

    Mono<Void> event(
            long questionId,
            String type,
            Long actorId,
            QuestionStatus from,
            QuestionStatus to,
            String detail,
            Instant now) {
        GenericExecuteSpec spec = db.sql("INSERT INTO question_event (question_id, type, actor_id, from_status,"
                        + " to_status, detail, created_at) VALUES (:q, :t, :a, :f, :to, :d, :now)")
                .bind("q", questionId)
                .bind("t", type)
                .bind("now", utc(now));
        spec = actorId == null ? spec.bindNull("a", Long.class) : spec.bind("a", actorId);
        spec = str(spec, "f", from == null ? null : from.name());
        spec = str(spec, "to", to == null ? null : to.name());
        spec = str(spec, "d", detail == null ? null : detail.length() > 2000 ? detail.substring(0, 2000) : detail);
        return spec.then();
    }

    Flux<QuestionDetail.Event> events(long questionId) {
        return db.sql("SELECT e.id, e.type, u.username, e.from_status, e.to_status, e.detail, e.created_at"
                        + " FROM question_event e LEFT JOIN app_user u ON u.id = e.actor_id WHERE e.question_id = :q"
                        + " ORDER BY e.id")
                .bind("q", questionId)
                .map(r -> new QuestionDetail.Event(
                        ((Number) r.get("id")).longValue(),
                        r.get("type", String.class),
                        r.get("username", String.class),
                        r.get("from_status", String.class),
                        r.get("to_status", String.class),
                        r.get("detail", String.class),
                        instant(r, "created_at")))
                .all();
    }

    Mono<Void> message(long questionId, long authorId, boolean fromExpert, String body, Instant now) {
        return db.sql("INSERT INTO question_message (question_id, author_id, from_expert, body, created_at)"
                        + " VALUES (:q, :a, :e, :b, :now)")
                .bind("q", questionId)
                .bind("a", authorId)
                .bind("e", fromExpert)
                .bind("b", body)
                .bind("now", utc(now))
                .then();
    }

    Flux<QuestionDetail.Message> messages(long questionId) {
        return db.sql("SELECT m.id, u.username, u.display_name, m.from_expert, m.body, m.created_at"
                        + " FROM question_message m JOIN app_user u ON u.id = m.author_id WHERE m.question_id = :q"
                        + " ORDER BY m.id")
                .bind("q", questionId)
                .map(r -> new QuestionDetail.Message(
                        ((Number) r.get("id")).longValue(),
                        r.get("username", String.class),
                        r.get("display_name", String.class),
                        Boolean.TRUE.equals(r.get("from_expert", Boolean.class)),
                        r.get("body", String.class),
                        instant(r, "created_at")))
                .all();
    }

    Mono<Void> rating(long questionId, QuestionDetail.Rating r, long by, Instant now) {
        GenericExecuteSpec spec = db.sql("INSERT INTO question_rating (question_id, attitude, expertise, timeliness,"
                        + " comment, flagged, rated_by, created_at) VALUES (:q, :a, :e, :t, :c, :f, :by, :now)")
                .bind("q", questionId)
                .bind("a", r.attitude())
                .bind("e", r.expertise())
                .bind("t", r.timeliness())
                .bind("f", r.flagged())
                .bind("by", by)
                .bind("now", utc(now));
        return str(spec, "c", r.comment()).then();
    }

    Mono<QuestionDetail.Rating> rating(long questionId) {
        return db.sql("SELECT attitude, expertise, timeliness, comment, flagged, created_at FROM question_rating"
                        + " WHERE question_id = :q")
                .bind("q", questionId)
                .map(r -> new QuestionDetail.Rating(
                        ((Number) r.get("attitude")).intValue(),
                        ((Number) r.get("expertise")).intValue(),
                        ((Number) r.get("timeliness")).intValue(),
                        r.get("comment", String.class),
                        Boolean.TRUE.equals(r.get("flagged", Boolean.class)),
                        instant(r, "created_at")))
                .one();
    }

    Flux<Long> flaggedRatings() {
        return db.sql("SELECT question_id FROM question_rating WHERE flagged = TRUE ORDER BY question_id DESC")
                .map(r -> ((Number) r.get("question_id")).longValue())
                .all();
    }

    Mono<Void> deflection(long userId, String articleId, String query, Instant now) {
        GenericExecuteSpec spec = db.sql(
                        "INSERT INTO question_deflection (user_id, article_id, query, created_at) VALUES (:u, :a, :q, :now)")
                .bind("u", userId)
                .bind("now", utc(now));
        spec = str(spec, "a", articleId);
        return str(spec, "q", query).then();
    }

    Mono<Long> deflections() {
        return db.sql("SELECT COUNT(*) AS n FROM question_deflection")
                .map(r -> ((Number) r.get("n")).longValue())
                .one();
    }

    // --- mapping

    private static GenericExecuteSpec str(GenericExecuteSpec spec, String name, String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    private static GenericExecuteSpec time(GenericExecuteSpec spec, String name, Instant value) {
        return value == null ? spec.bindNull(name, OffsetDateTime.class) : spec.bind(name, utc(value));
    }

    private static boolean bool(Readable r, String column) {
        return Boolean.TRUE.equals(r.get(column, Boolean.class));
    }

    private static Question question(Readable r) {
        Object assignee = r.get("assignee_id");
        return Question.builder()
                .id(((Number) r.get("id")).longValue())
                .title(r.get("title", String.class))
                .body(r.get("body", String.class))
                .kind(r.get("kind", String.class))
                .severity(r.get("severity", String.class))
                .category(r.get("category", String.class))
                .askerId(((Number) r.get("asker_id")).longValue())
                .askerName(r.get("asker_name", String.class))
                .askerOrg(r.get("asker_org", String.class))
                .askerOrgId(r.get("asker_org_id") == null ? null : ((Number) r.get("asker_org_id")).longValue())
                .contactPref(r.get("contact_pref", String.class))
                .status(QuestionStatus.valueOf(r.get("status", String.class)))
                .assigneeId(assignee == null ? null : ((Number) assignee).longValue())
                .assigneeName(r.get("assignee_name", String.class))
                .tier(Tier.valueOf(r.get("tier", String.class)))
                .escalated(bool(r, "escalated"))
                .workingTime(bool(r, "working_time"))
                .clocks(new Question.Clocks(
                        instant(r, "reply_warn_at"),
                        instant(r, "reply_due_at"),
                        instant(r, "resolve_warn_at"),
                        instant(r, "resolve_due_at"),
                        bool(r, "reply_warned"),
                        bool(r, "reply_breached"),
                        bool(r, "resolve_warned"),
                        bool(r, "resolve_breached")))
                .firstReplyAt(instant(r, "first_reply_at"))
                .resolvedAt(instant(r, "resolved_at"))
                .closedAt(instant(r, "closed_at"))
                .pausedSince(instant(r, "paused_since"))
                .pausedSeconds(((Number) r.get("paused_seconds")).longValue())
                .articleId(r.get("article_id", String.class))
                .version(((Number) r.get("version")).intValue())
                .createdAt(instant(r, "created_at"))
                .updatedAt(instant(r, "updated_at"))
                .build();
    }
}
