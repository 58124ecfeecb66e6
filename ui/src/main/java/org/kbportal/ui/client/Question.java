package org.kbportal.ui.client;

import java.time.Instant;
import java.util.List;

/**
 * A question of the online help as the backend shows it; {@code timeline}, {@code messages},
 * {@code rating} and {@code attachments} only in the detail ({@code GET /api/questions/{id}}), empty or null in lists.
 *
 * @param body the description as sanitised basic HTML; sanitise again before showing
 * @param asker login name of the user who asked
 * @param assignee login name of the expert working on it, or null while queued
 * @param status NEW, ASSIGNED, IN_PROGRESS, WAITING_FOR_USER, ANSWERED, RESOLVED, CLOSED or REOPENED
 * @param tier L1, L2 or L3
 * @param articleId the FAQ/case drafted from this question, or null
 * @param actions what the signed-in caller may do now, as the backend decides ({@code FOLLOW_UP}, {@code ANSWER},
 *     {@code START}, {@code RESOLVE}, {@code REOPEN}, {@code CLAIM}, {@code HAND_OVER}, {@code ESCALATE}, {@code
 *     RATE}, {@code PUBLISH}, {@code ATTACH}); detail only
 */
public record Question(
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
        boolean replyBreached,
        boolean resolveBreached,
        Instant createdAt,
        Instant updatedAt,
        List<Event> timeline,
        List<Message> messages,
        Rating rating,
        List<Attachment> attachments,
        String articleId,
        List<String> actions) {

    public static final String ANSWERED = "ANSWERED";
    public static final String RESOLVED = "RESOLVED";
    public static final String CLOSED = "CLOSED";

    public Question {
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        messages = messages == null ? List.of() : List.copyOf(messages);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** Whether the backend lists {@code action} among those the caller may take now (detail only). */
    public boolean allows(String action) {
        return actions.contains(action);
    }

    /** Resolved or closed: nobody has to act any more. */
    public boolean isFinished() {
        return RESOLVED.equals(status) || CLOSED.equals(status);
    }

    /** One entry of the timeline: a status change, assignment, message, SLA warning, ... */
    public record Event(
            long id, String type, String actor, String fromStatus, String toStatus, String detail, Instant at) {}

    /**
     * One message of the conversation.
     *
     * @param body sanitised basic HTML; sanitise again before showing
     * @param fromExpert whether an expert wrote it (an answer or a request for information)
     */
    public record Message(long id, String author, String authorName, boolean fromExpert, String body, Instant at) {}

    /** The asker's rating, 1 to 5 each; {@code flagged} when a score is 1 or 2. */
    public record Rating(int attitude, int expertise, int timeliness, String comment, boolean flagged, Instant at) {}
}
