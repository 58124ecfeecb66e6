package org.kbportal.backend.feedback;

import java.time.Instant;
import java.util.List;

/** The admins' view of readers' feedback: what fails its readers, what is read most, what they said. */
public record FeedbackReport(List<ArticleScore> leastHelpful, List<ArticleScore> mostViewed, List<Comment> comments) {

    /** Votes and reads of one published article. */
    public record ArticleScore(String id, String title, String type, long helpful, long notHelpful, long views) {}

    /** A reader's comment; {@code username} is null for anonymous visitors. */
    public record Comment(
            String articleId, String title, boolean helpful, String comment, String username, Instant at) {}
}
