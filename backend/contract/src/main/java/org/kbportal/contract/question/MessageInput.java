package org.kbportal.contract.question;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A message to a question ({@code POST /api/questions/{id}/messages}); from the assignee with {@code waitForUser}
 * it asks the user for information.
 */
public record MessageInput(
        @NotBlank(message = "body is required")
        @Size(max = QuestionLimits.BODY_MAX, message = "at most 20,000 characters")
        String body,

        Boolean waitForUser) {}
