package org.kbportal.ui.client;

import java.time.Instant;

/**
 * One live event from {@code GET /api/expert/events}: a notification the backend just wrote for the
 * expert (kind ASSIGNED, QUEUED, WARNING, ESCALATED, ...).
 */
public record ExpertEvent(long id, String kind, Long questionId, String message, Instant createdAt) {}
