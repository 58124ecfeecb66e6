package org.kbportal.backend.article;

import java.time.Instant;
import java.util.List;

/**
 * A knowledge article. FAQ: {@code title} is the question, {@code body} the answer. MANUAL: {@code
 * body} is Markdown split into sections by its headings. CASE: symptom, cause, resolution and the
 * affected system; {@code body} holds any further notes.
 */
public record Article(
        String id,
        ArticleType type,
        String lang,
        String category,
        String title,
        String body,
        String symptom,
        String cause,
        String resolution,
        String affectedSystem,
        List<String> tags,
        ArticleStatus status,
        int version,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt) {

    public Article {
        tags = tags == null ? List.of() : List.copyOf(tags);
        body = body == null ? "" : body;
    }

    /** The manual's sections (one for other types), each a retrievable unit. */
    public List<ManualSection> sections() {
        return type == ArticleType.MANUAL ? ManualSection.split(id, body) : List.of();
    }

    Article withStatus(ArticleStatus newStatus, String by, Instant at) {
        return new Article(
                id,
                type,
                lang,
                category,
                title,
                body,
                symptom,
                cause,
                resolution,
                affectedSystem,
                tags,
                newStatus,
                version + 1,
                createdBy,
                createdAt,
                by,
                at);
    }
}
