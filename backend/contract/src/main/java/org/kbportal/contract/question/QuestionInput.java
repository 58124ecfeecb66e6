package org.kbportal.contract.question;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new question ({@code POST /api/questions}).
 *
 * @param body the description; rich text, the backend keeps basic HTML only
 * @param kind FAULT, CONSULTATION or SUGGESTION
 * @param severity A (urgent) to E (minor)
 * @param contactPref how the asker prefers to be reached; may be null
 */
public record QuestionInput(
        @NotBlank(message = "title is required")
        @Size(max = QuestionLimits.TITLE_MAX, message = "at most 200 characters")
        String title,

        @NotBlank(message = "body is required")
        @Size(max = QuestionLimits.BODY_MAX, message = "at most 20,000 characters")
        String body,

        @NotNull(message = "kind is required")
        @Pattern(regexp = "FAULT|CONSULTATION|SUGGESTION", message = "FAULT, CONSULTATION or SUGGESTION")
        String kind,

        @NotNull(message = "severity is required") @Pattern(regexp = "[A-E]", message = "A, B, C, D or E")
        String severity,

        @NotBlank(message = "category is required") @Size(max = 64)
        String category,

        @Size(max = 200) String contactPref) {}
