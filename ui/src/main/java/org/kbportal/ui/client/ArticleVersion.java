package org.kbportal.ui.client;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A saved snapshot of an article: which content was saved by whom and when. */
public record ArticleVersion(
        String articleId,
        int version,
        String type,
        String lang,
        String category,
        String title,
        String body,
        String symptom,
        String cause,
        String resolution,
        String affectedSystem,
        List<String> tags,
        String status,
        String savedBy,
        Instant savedAt) {

    public ArticleVersion {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /**
     * The snapshot as an article, for showing it with the same components. The versions API spells
     * types as enum names ({@code FAQ}); articles use {@code faq}.
     */
    public Article toArticle() {
        return new Article(
                articleId,
                type == null ? null : type.toLowerCase(Locale.ROOT),
                lang,
                category,
                title,
                body,
                symptom,
                cause,
                resolution,
                affectedSystem,
                tags,
                status == null ? null : status.toUpperCase(Locale.ROOT),
                version,
                null,
                null,
                savedBy,
                savedAt,
                List.of(),
                null);
    }
}
