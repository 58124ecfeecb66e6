package org.kbportal.contract.question;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a question goes to the next tier ({@code POST /api/questions/{id}/escalate}). */
public record EscalateInput(
        @NotBlank(message = "reason is required")
        @Size(max = QuestionLimits.REASON_MAX, message = "at most 1,000 characters")
        String reason) {}
