package org.kbportal.backend.article;

import java.time.Instant;

/**
 * One entry of an article's history: a save or a status change, who did it, when, and the
 * reviewer's comment.
 *
 * @param action CREATED, EDITED, SUBMITTED, APPROVED, SCHEDULED, SENT_BACK, PUBLISHED, ARCHIVED,
 *     RESTORED, RECATEGORISED or RETAGGED
 * @param version the article version the action produced (or, for SCHEDULED, the version approved)
 */
public record ArticleEvent(
        long id,
        String articleId,
        String action,
        String fromStatus,
        String toStatus,
        int version,
        String actor,
        String comment,
        Instant at) {}
