package org.kbportal.backend.article;

import java.time.Instant;

/**
 * When an article goes live and when it must be checked again.
 *
 * @param publishAt publication time; honoured when a reviewer approves before it
 * @param reviewBy the date by which the content must be reviewed; after it the article is flagged
 *     "due for review" (still shown and searchable, with a warning)
 * @param pendingPublish approved, waiting for {@code publishAt}
 * @param approvedBy the reviewer of a pending publication
 */
public record ArticleSchedule(
        String articleId, Instant publishAt, Instant reviewBy, boolean pendingPublish, String approvedBy) {

    static ArticleSchedule none(String articleId) {
        return new ArticleSchedule(articleId, null, null, false, null);
    }

    /** Whether the review-by date has passed at {@code now}. */
    public boolean reviewDue(Instant now) {
        return reviewBy != null && !reviewBy.isAfter(now);
    }
}
