package org.kbportal.contract.question;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * A question as the API shows it; {@code timeline}, {@code messages}, {@code rating}, {@code attachments} and
 * {@code actions} (what the caller may do now) only in the detail view ({@code GET /api/questions/{id}} and the
 * answers of the actions).
 */
public record QuestionDetail(
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

    /** Whether {@code action} is among those the caller may take now (the detail lists them; lists do not). */
    public boolean allows(QuestionAction action) {
        return actions != null && actions.contains(action);
    }

    /** Resolved or closed: nobody has to act any more (not a member of the JSON). */
    @JsonIgnore
    public boolean isFinished() {
        return "RESOLVED".equals(status) || "CLOSED".equals(status);
    }
}
