package org.kbportal.backend.article;

import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The history table of articles: every save and status change, appended, never rewritten. */
@Repository
class ArticleEvents {

    private final DatabaseClient db;

    ArticleEvents(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> record(Article a, String action, ArticleStatus from, String actor, String comment, Instant at) {
        var spec = db.sql("INSERT INTO article_event (article_id, action, from_status, to_status, version, actor,"
                        + " comment, created_at) VALUES (:id, :action, :from, :to, :version, :actor, :comment, :at)")
                .bind("id", a.id())
                .bind("action", action)
                .bind("to", a.status().name())
                .bind("version", a.version())
                .bind("actor", actor)
                .bind("at", ArticleRepository.ts(at));
        spec = from == null ? spec.bindNull("from", String.class) : spec.bind("from", from.name());
        spec = comment == null || comment.isBlank()
                ? spec.bindNull("comment", String.class)
                : spec.bind("comment", comment.strip());
        return spec.then();
    }

    /** Newest first. */
    Flux<ArticleEvent> history(String articleId) {
        return db.sql("SELECT id, article_id, action, from_status, to_status, version, actor, comment, created_at"
                        + " FROM article_event WHERE article_id = :id ORDER BY id DESC")
                .bind("id", articleId)
                .map(r -> new ArticleEvent(
                        ((Number) r.get("id")).longValue(),
                        r.get("article_id", String.class),
                        r.get("action", String.class),
                        r.get("from_status", String.class),
                        r.get("to_status", String.class),
                        ((Number) r.get("version")).intValue(),
                        r.get("actor", String.class),
                        r.get("comment", String.class),
                        org.kbportal.backend.system.Rows.instant(r, "created_at")))
                .all();
    }

    /** How often {@code action} was recorded for the article (tests and the scheduler's report). */
    Mono<Long> count(String articleId, String action) {
        return db.sql("SELECT COUNT(*) AS n FROM article_event WHERE article_id = :id AND action = :action")
                .bind("id", articleId)
                .bind("action", action)
                .map(r -> ((Number) r.get("n")).longValue())
                .one();
    }
}
