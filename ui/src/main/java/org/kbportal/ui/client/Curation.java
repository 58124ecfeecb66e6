package org.kbportal.ui.client;

import java.time.Instant;
import java.util.List;

/** What the backend's review workflow, feedback and category curation send back. */
public final class Curation {

    private Curation() {}

    /** One entry of an article's history. */
    public record Event(
            long id,
            String articleId,
            String action,
            String fromStatus,
            String toStatus,
            int version,
            String actor,
            String comment,
            Instant at) {}

    /** Status, dates and history of an article. */
    public record Workflow(
            String id,
            String status,
            int version,
            Instant publishAt,
            Instant reviewBy,
            boolean reviewDue,
            boolean pendingPublish,
            List<Event> history) {

        public Workflow {
            history = history == null ? List.of() : List.copyOf(history);
        }
    }

    /** An article waiting for a reviewer. */
    public record ReviewItem(
            String id,
            String type,
            String lang,
            String category,
            String title,
            int version,
            String submittedBy,
            Instant submittedAt,
            Instant publishAt,
            boolean scheduled,
            String excerpt) {}

    /** A published article whose review-by date has passed or is near. */
    public record DueItem(
            String id,
            String type,
            String lang,
            String category,
            String title,
            String updatedBy,
            Instant updatedAt,
            Instant reviewBy,
            boolean overdue) {}

    /** Whether a published article is due for review (shown to readers). */
    public record ReviewStatus(Instant reviewBy, boolean reviewDue) {}

    /** What the signed-in author may do with an article (their own or an assigned draft). */
    public record Permissions(String id, String status, boolean edit, boolean submit, boolean schedule) {}

    /** Votes and reads of one article; {@code yourVote} null when the caller has not voted. */
    public record Feedback(String articleId, long helpful, long notHelpful, long views, Boolean yourVote) {}

    /** The admins' feedback report. */
    public record Report(List<Score> leastHelpful, List<Score> mostViewed, List<Comment> comments) {

        public Report {
            leastHelpful = leastHelpful == null ? List.of() : List.copyOf(leastHelpful);
            mostViewed = mostViewed == null ? List.of() : List.copyOf(mostViewed);
            comments = comments == null ? List.of() : List.copyOf(comments);
        }
    }

    public record Score(String id, String title, String type, long helpful, long notHelpful, long views) {}

    public record Comment(
            String articleId, String title, boolean helpful, String comment, String username, Instant at) {}

    /** A tag and how many articles carry it. */
    public record TagCount(String tag, int articles) {}
}
