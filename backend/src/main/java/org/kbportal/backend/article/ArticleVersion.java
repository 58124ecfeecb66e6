package org.kbportal.backend.article;

import java.time.Instant;
import java.util.List;

/** A saved snapshot of an article: who saved which content, when. */
public record ArticleVersion(
        String articleId,
        int version,
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
        String savedBy,
        Instant savedAt)
        implements ArticleContent {

    /** This snapshot's content, to be saved as a new version of its article. */
    Article.Builder content() {
        return Article.builder().id(articleId).content(this);
    }
}
