package org.kbportal.backend.article;

import java.util.Map;
import org.kbportal.backend.system.KbException;
import org.springframework.http.HttpStatus;

/** The problem details of article reads and writes ({@code urn:kb:article-not-found}, ...). */
final class ArticleProblems {

    private ArticleProblems() {}

    static KbException notFound(String id) {
        return KbException.notFound("article-not-found", "No article with id '" + id + "'.");
    }

    static KbException illegalTransition(String id, ArticleStatus current, ArticleStatus target) {
        return inStatus(
                "illegal-transition",
                "Illegal status change",
                "Article '" + id + "' is " + current + "; it cannot become " + target + " from there.",
                current);
    }

    static KbException notADraft(String id, ArticleStatus current) {
        return inStatus(
                "not-a-draft",
                "Only drafts can be edited here",
                "Article '" + id + "' is " + current + "; experts edit drafts only (a reviewer can send it back).",
                current);
    }

    static KbException staleVersion(String id, int current) {
        return conflict(
                "stale-version",
                "Edited meanwhile",
                "Article '" + id + "' was changed by someone else (now version " + current + "); reload and retry.",
                Map.of("currentVersion", current));
    }

    /** 409: the article's status does not allow the change; {@code currentStatus} says which it is. */
    private static KbException inStatus(String type, String title, String detail, ArticleStatus current) {
        return conflict(type, title, detail, Map.of("currentStatus", current.name()));
    }

    private static KbException conflict(String type, String title, String detail, Map<String, Object> properties) {
        return new KbException(HttpStatus.CONFLICT, type, title, detail, properties);
    }
}
