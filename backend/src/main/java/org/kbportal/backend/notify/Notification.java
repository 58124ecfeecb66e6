package org.kbportal.backend.notify;

import java.time.Instant;

/** An in-portal notification for one user. */
public record Notification(long id, String kind, Long questionId, String message, Instant createdAt, Instant readAt) {}
