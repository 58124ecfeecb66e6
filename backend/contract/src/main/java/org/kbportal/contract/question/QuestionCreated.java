package org.kbportal.contract.question;

import java.time.Instant;

/** The answer to a new question: where it went and when it is due; {@code assignee} null when queued. */
public record QuestionCreated(
        long id, String status, String assignee, String tier, Instant replyDueAt, Instant resolveDueAt) {}
