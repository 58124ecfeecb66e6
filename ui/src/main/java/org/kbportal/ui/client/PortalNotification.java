package org.kbportal.ui.client;

import java.time.Instant;

/**
 * An in-portal notification of the signed-in user ({@code GET /api/notifications}).
 *
 * @param kind ASSIGNED, QUEUED, WARNING, ESCALATED, ANSWERED, STATUS, UNASSIGNED, WAITING or LOW_RATING
 * @param questionId the question it is about, if any
 * @param message the subject line, in the user's e-mail language
 * @param readAt when it was marked read; null while unread
 */
public record PortalNotification(
        long id, String kind, Long questionId, String message, Instant createdAt, Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
