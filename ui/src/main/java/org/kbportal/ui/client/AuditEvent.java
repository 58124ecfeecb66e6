package org.kbportal.ui.client;

import java.time.Instant;

/** One audit-log entry. */
public record AuditEvent(
        long id,
        Instant occurredAt,
        String actor,
        String action,
        String target,
        Integer status,
        String details,
        String clientIp) {}
