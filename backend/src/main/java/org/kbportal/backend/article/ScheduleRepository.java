package org.kbportal.backend.article;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.kbportal.backend.system.Rows;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Publication and review-by dates per article ({@code article_schedule}). */
@Repository
class ScheduleRepository {

    private final DatabaseClient db;

    ScheduleRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<ArticleSchedule> find(String articleId) {
        return db.sql("SELECT article_id, publish_at, review_by, pending_publish, approved_by FROM article_schedule"
                        + " WHERE article_id = :id")
                .bind("id", articleId)
                .map(ScheduleRepository::row)
                .one()
                .defaultIfEmpty(ArticleSchedule.none(articleId));
    }

    /** Sets both dates (null clears one); a pending publication is cancelled. */
    Mono<Void> put(String articleId, Instant publishAt, Instant reviewBy, Instant now) {
        GenericExecuteSpec update = dates(
                db.sql("UPDATE article_schedule SET publish_at = :publish, review_by = :review,"
                                + " pending_publish = FALSE, approved_by = NULL, updated_at = :now"
                                + " WHERE article_id = :id")
                        .bind("id", articleId)
                        .bind("now", ArticleRepository.ts(now)),
                publishAt,
                reviewBy);
        GenericExecuteSpec insert = dates(
                db.sql("INSERT INTO article_schedule (article_id, publish_at, review_by, pending_publish,"
                                + " updated_at) VALUES (:id, :publish, :review, FALSE, :now)")
                        .bind("id", articleId)
                        .bind("now", ArticleRepository.ts(now)),
                publishAt,
                reviewBy);
        return update.fetch().rowsUpdated().flatMap(n -> n > 0 ? Mono.empty() : insert.then());
    }

    private static GenericExecuteSpec dates(GenericExecuteSpec spec, Instant publishAt, Instant reviewBy) {
        spec = publishAt == null
                ? spec.bindNull("publish", java.time.OffsetDateTime.class)
                : spec.bind("publish", ArticleRepository.ts(publishAt));
        return reviewBy == null
                ? spec.bindNull("review", java.time.OffsetDateTime.class)
                : spec.bind("review", ArticleRepository.ts(reviewBy));
    }

    /** Approved for a future publication (the row exists: a publish time was set). */
    Mono<Void> markPending(String articleId, String approvedBy) {
        return db.sql("UPDATE article_schedule SET pending_publish = TRUE, approved_by = :by WHERE article_id = :id")
                .bind("id", articleId)
                .bind("by", approvedBy)
                .then();
    }

    /** Any status change cancels a pending publication. */
    Mono<Void> clearPending(String articleId) {
        return db.sql("UPDATE article_schedule SET pending_publish = FALSE, approved_by = NULL"
                        + " WHERE article_id = :id AND pending_publish = TRUE")
                .bind("id", articleId)
                .then();
    }

    /** Articles approved for a publication time that has come. */
    Flux<ArticleSchedule> duePublications(Instant now) {
        return db.sql("SELECT article_id, publish_at, review_by, pending_publish, approved_by FROM article_schedule"
                        + " WHERE pending_publish = TRUE AND publish_at <= :now ORDER BY publish_at")
                .bind("now", ArticleRepository.ts(now))
                .map(ScheduleRepository::row)
                .all();
    }

    /**
     * Takes a due publication for this caller: the conditional UPDATE succeeds for exactly one of
     * several concurrent schedulers (the others see the flag already cleared).
     */
    Mono<Boolean> claim(String articleId, Instant now) {
        return db.sql("UPDATE article_schedule SET pending_publish = FALSE WHERE article_id = :id"
                        + " AND pending_publish = TRUE AND publish_at <= :now")
                .bind("id", articleId)
                .bind("now", ArticleRepository.ts(now))
                .fetch()
                .rowsUpdated()
                .map(n -> n == 1);
    }

    private static ArticleSchedule row(Readable r) {
        return new ArticleSchedule(
                r.get("article_id", String.class),
                Rows.instant(r, "publish_at"),
                Rows.instant(r, "review_by"),
                Boolean.TRUE.equals(r.get("pending_publish", Boolean.class)),
                r.get("approved_by", String.class));
    }
}
