package org.kbportal.backend.question;

import java.time.Instant;
import java.util.List;

/**
 * A question as the API shows it; {@code timeline}, {@code messages}, {@code rating}, {@code attachments} and
 * {@code actions} (what the caller may do now) only in the detail view ({@code GET /api/questions/{id}} and the
 * answers of the actions).
 */
public record QuestionView(
        long id,
        String title,
        String body,
        String kind,
        String severity,
        String category,
        String asker,
        String askerOrganisation,
        String contactPref,
        String status,
        String assignee,
        String tier,
        boolean escalated,
        Instant replyDueAt,
        Instant resolveDueAt,
        Instant firstReplyAt,
        Instant resolvedAt,
        Instant closedAt,
        boolean paused,
        long pausedSeconds,
        boolean replyBreached,
        boolean resolveBreached,
        String articleId,
        int version,
        Instant createdAt,
        Instant updatedAt,
        List<Event> timeline,
        List<Message> messages,
        Rating rating,
        List<Attachment> attachments,
        List<QuestionAction> actions) {

    /** One entry of the timeline. */
    public record Event(
            long id, String type, String actor, String fromStatus, String toStatus, String detail, Instant at) {}

    /** One message of the conversation; {@code fromExpert} marks answers. */
    public record Message(long id, String author, String authorName, boolean fromExpert, String body, Instant at) {}

    /**
     * A file attached to the question; download it from
     * {@code /api/questions/{question}/attachments/{id}}.
     */
    public record Attachment(
            String id, String name, String contentType, long size, String uploadedBy, boolean fromExpert, Instant at) {}

    /** The asker's rating (1..5 each); {@code flagged} when any score is 1 or 2. */
    public record Rating(int attitude, int expertise, int timeliness, String comment, boolean flagged, Instant at) {}

    static QuestionView of(Question q) {
        return of(q, null, null, null, null);
    }

    static QuestionView of(
            Question q, List<Event> timeline, List<Message> messages, Rating rating, List<Attachment> attachments) {
        return of(q, timeline, messages, rating, attachments, null);
    }

    /** The detail view with what the caller may do now ({@link QuestionAction#of}). */
    static QuestionView of(
            Question q,
            List<Event> timeline,
            List<Message> messages,
            Rating rating,
            List<Attachment> attachments,
            java.util.Set<QuestionAction> actions) {
        return new QuestionView(
                q.id(),
                q.title(),
                q.body(),
                q.kind(),
                q.severity(),
                q.category(),
                q.askerName(),
                q.askerOrg(),
                q.contactPref(),
                q.status().name(),
                q.assigneeName(),
                q.tier().name(),
                q.escalated(),
                q.clocks().replyDueAt(),
                q.clocks().resolveDueAt(),
                q.firstReplyAt(),
                q.resolvedAt(),
                q.closedAt(),
                q.pausedSince() != null,
                q.pausedSeconds(),
                q.clocks().replyBreached(),
                q.clocks().resolveBreached(),
                q.articleId(),
                q.version(),
                q.createdAt(),
                q.updatedAt(),
                timeline,
                messages,
                rating,
                attachments,
                actions == null ? null : List.copyOf(actions));
    }
}
