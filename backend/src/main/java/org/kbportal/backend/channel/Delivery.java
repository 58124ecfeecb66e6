package org.kbportal.backend.channel;

import java.time.Instant;

/**
 * One message of one channel in the outbox.
 *
 * @param eventId the message id the receiver sees ({@code webhook-id}); the same in every attempt
 * @param status PENDING, FAILED (will be retried), SENT or DEAD (gave up after kb.channel.max-attempts)
 * @param lastStatusCode the receiver's HTTP status of the last attempt, null when it did not answer
 */
public record Delivery(
        long id,
        long channelId,
        String eventId,
        String eventType,
        Long questionId,
        String recipient,
        String payload,
        String status,
        int attempts,
        Instant nextAttemptAt,
        Integer lastStatusCode,
        String lastError,
        Instant createdAt,
        Instant updatedAt,
        Instant sentAt) {}
