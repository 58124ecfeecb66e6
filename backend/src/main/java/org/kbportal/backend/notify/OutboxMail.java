package org.kbportal.backend.notify;

import java.time.Instant;

/** An e-mail in the outbox, as admins see it. */
public record OutboxMail(
        long id,
        String recipient,
        String subject,
        String body,
        String kind,
        Long questionId,
        Instant createdAt,
        int attempts,
        Instant nextAttemptAt,
        Instant sentAt,
        String lastError) {}
