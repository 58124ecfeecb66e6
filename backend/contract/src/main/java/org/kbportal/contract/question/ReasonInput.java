package org.kbportal.contract.question;

import jakarta.validation.constraints.Size;

/** The optional reason of a reopen ({@code POST /api/questions/{id}/reopen}). */
public record ReasonInput(
        @Size(max = QuestionLimits.REASON_MAX, message = "at most 1,000 characters")
        String reason) {}
