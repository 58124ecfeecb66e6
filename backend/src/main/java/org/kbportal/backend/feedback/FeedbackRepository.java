package org.kbportal.backend.feedback;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Votes and comments ({@code article_feedback}) and the report queries over them. */
@Repository
class FeedbackRepository {

    private static final String YES = "SUM(CASE WHEN f.helpful THEN 1 ELSE 0 END)";
    private static final String NO = "SUM(CASE WHEN f.helpful THEN 0 ELSE 1 END)";

    private final DatabaseClient db;

    FeedbackRepository(DatabaseClient db) {
        this.db = db;
    }

    /** One vote per article and voter: a second vote replaces the first. */
    Mono<Void> vote(String articleId, String voter, boolean helpful, String comment, String username, Instant at) {
        Mono<Long> update = bind(
                        db.sql("UPDATE article_feedback SET helpful = :helpful, comment = :comment,"
                                + " username = :username, created_at = :at WHERE article_id = :id AND voter = :voter"),
                        articleId,
                        voter,
                        helpful,
                        comment,
                        username,
                        at)
                .fetch()
                .rowsUpdated();
        Mono<Void> insert = bind(
                        db.sql("INSERT INTO article_feedback (article_id, voter, helpful, comment, username,"
                                + " created_at) VALUES (:id, :voter, :helpful, :comment, :username, :at)"),
                        articleId,
                        voter,
                        helpful,
                        comment,
                        username,
                        at)
                .then();
        return update.flatMap(n -> n > 0 ? Mono.<Void>empty() : insert)
                // two votes of one voter raced: the other inserted, this one replaces it
                .onErrorResume(DataIntegrityViolationException.class, e -> update.then());
    }

    private static GenericExecuteSpec bind(
            GenericExecuteSpec spec,
            String articleId,
            String voter,
            boolean helpful,
            String comment,
            String username,
            Instant at) {
        spec = spec.bind("id", articleId)
                .bind("voter", voter)
                .bind("helpful", helpful)
                .bind("at", at.atOffset(ZoneOffset.UTC));
        spec = comment == null ? spec.bindNull("comment", String.class) : spec.bind("comment", comment);
        return username == null ? spec.bindNull("username", String.class) : spec.bind("username", username);
    }

    /** [helpful, not helpful] of one article. */
    Mono<long[]> counts(String articleId) {
        return db.sql("SELECT " + YES + " AS yes, " + NO + " AS no FROM article_feedback f WHERE f.article_id = :id")
                .bind("id", articleId)
                .map(r -> new long[] {number(r, "yes"), number(r, "no")})
                .one()
                .defaultIfEmpty(new long[] {0, 0});
    }

    Mono<Boolean> voteOf(String articleId, String voter) {
        return db.sql("SELECT helpful FROM article_feedback WHERE article_id = :id AND voter = :voter")
                .bind("id", articleId)
                .bind("voter", voter)
                .map(r -> Boolean.TRUE.equals(r.get("helpful", Boolean.class)))
                .one();
    }

    /** Published articles with at least one "no", the worst ratio (smoothed) first. */
    Flux<FeedbackReport.ArticleScore> leastHelpful(int limit) {
        return db.sql("SELECT f.article_id, a.title, a.type, " + YES + " AS yes, " + NO + " AS no,"
                        + " COALESCE(MAX(v.views), 0) AS views FROM article_feedback f"
                        + " JOIN article a ON a.id = f.article_id LEFT JOIN article_views v ON v.article_id = f.article_id"
                        + " WHERE a.status = 'PUBLISHED' GROUP BY f.article_id, a.title, a.type HAVING " + NO + " > 0"
                        + " ORDER BY (" + YES + " + 1.0) / (COUNT(*) + 2.0), " + NO + " DESC, f.article_id"
                        + " LIMIT :limit")
                .bind("limit", limit)
                .map(FeedbackRepository::score)
                .all();
    }

    Flux<FeedbackReport.ArticleScore> mostViewed(int limit) {
        return db.sql("SELECT v.article_id, a.title, a.type, v.views,"
                        + " (SELECT COUNT(*) FROM article_feedback f WHERE f.article_id = v.article_id"
                        + " AND f.helpful = TRUE) AS yes,"
                        + " (SELECT COUNT(*) FROM article_feedback f WHERE f.article_id = v.article_id"
                        + " AND f.helpful = FALSE) AS no"
                        + " FROM article_views v JOIN article a ON a.id = v.article_id WHERE a.status = 'PUBLISHED'"
                        + " ORDER BY v.views DESC, v.article_id LIMIT :limit")
                .bind("limit", limit)
                .map(FeedbackRepository::score)
                .all();
    }

    Flux<FeedbackReport.Comment> comments(int limit) {
        return db.sql("SELECT f.article_id, a.title, f.helpful, f.comment, f.username, f.created_at"
                        + " FROM article_feedback f JOIN article a ON a.id = f.article_id"
                        + " WHERE f.comment IS NOT NULL ORDER BY f.created_at DESC, f.id DESC LIMIT :limit")
                .bind("limit", limit)
                .map(r -> new FeedbackReport.Comment(
                        r.get("article_id", String.class),
                        r.get("title", String.class),
                        Boolean.TRUE.equals(r.get("helpful", Boolean.class)),
                        r.get("comment", String.class),
                        r.get("username", String.class),
                        r.get("created_at", OffsetDateTime.class).toInstant()))
                .all();
    }

    private static FeedbackReport.ArticleScore score(Readable r) {
        return new FeedbackReport.ArticleScore(
                r.get("article_id", String.class),
                r.get("title", String.class),
                r.get("type", String.class).toLowerCase(java.util.Locale.ROOT),
                number(r, "yes"),
                number(r, "no"),
                number(r, "views"));
    }

    private static long number(Readable r, String column) {
        Object v = r.get(column);
        return v == null ? 0 : ((Number) v).longValue();
    }
}
