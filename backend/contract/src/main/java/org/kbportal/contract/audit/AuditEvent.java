package org.kbportal.contract.audit;

import java.time.Instant;

/**
 * One recorded action: who ({@code actor}, null when nobody was signed in), when, what ({@code
 * action}, e.g. {@code auth.login-failed}, {@code articles.publish}), on what ({@code target}), the
 * HTTP status it ended with, details (the request's JSON with secrets removed) and the client address.
 */
public record AuditEvent(
        long id,
        Instant occurredAt,
        String actor,
        String action,
        String target,
        Integer status,
        String details,
        String clientIp) {}
