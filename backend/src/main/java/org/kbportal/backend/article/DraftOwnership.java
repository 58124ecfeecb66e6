package org.kbportal.backend.article;

import org.kbportal.backend.system.KbException;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who may change a draft: its author ({@code created_by}), the expert assigned to the question the
 * draft was made from ({@code question.article_id}), and reviewers (ADMIN). Other experts read only:
 * {@code 403 urn:kb:not-your-draft}. The question link is read with SQL, like the report does, so
 * {@code article} does not depend on {@code question}.
 */
@Component
class DraftOwnership {

    private final DatabaseClient db;

    DraftOwnership(DatabaseClient db) {
        this.db = db;
    }

    Mono<Boolean> mayEdit(Article a, String username, boolean reviewer) {
        if (reviewer || a.createdBy().equals(username)) {
            return Mono.just(true);
        }
        return db.sql("SELECT COUNT(*) AS n FROM question q JOIN app_user u ON u.id = q.assignee_id"
                        + " WHERE q.article_id = :id AND u.username = :u")
                .bind("id", a.id())
                .bind("u", username)
                .map(r -> ((Number) r.get("n")).longValue() > 0)
                .one()
                .defaultIfEmpty(false);
    }

    /** {@code a} when {@code username} may change it, else the 403 problem. */
    Mono<Article> checked(Article a, String username, boolean reviewer) {
        return mayEdit(a, username, reviewer)
                .flatMap(ok -> ok ? Mono.just(a) : Mono.error(notYours(a.id(), a.createdBy())));
    }

    static KbException notYours(String id, String author) {
        return new KbException(
                HttpStatus.FORBIDDEN,
                "not-your-draft",
                "Not your draft",
                "Article '" + id + "' is " + author
                        + "'s draft; only its author, the expert assigned to its question or a reviewer may change it.");
    }
}
