package org.kbportal.contract.notify;

import java.time.Instant;

/**
 * An in-portal notification for one user ({@code GET /api/notifications}, and the experts' live stream).
 *
 * @param kind what happened, e.g. {@code QUESTION_ASSIGNED}
 * @param questionId the question it is about, or null
 * @param readAt when the user read it, null while unread
 */
public record Notification(long id, String kind, Long questionId, String message, Instant createdAt, Instant readAt) {

    /** Not read yet. */
    public boolean unread() {
        return readAt == null;
    }
}
