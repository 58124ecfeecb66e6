package org.kbportal.contract.question;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The asker's rating, 1 to 5 each ({@code POST /api/questions/{id}/rating}). */
public record RatingInput(
        @NotNull(message = "attitude is required")
        @Min(value = 1, message = "1 to 5")
        @Max(value = 5, message = "1 to 5")
        Integer attitude,

        @NotNull(message = "expertise is required")
        @Min(value = 1, message = "1 to 5")
        @Max(value = 5, message = "1 to 5")
        Integer expertise,

        @NotNull(message = "timeliness is required")
        @Min(value = 1, message = "1 to 5")
        @Max(value = 5, message = "1 to 5")
        Integer timeliness,

        @Size(max = QuestionLimits.COMMENT_MAX, message = "at most 2,000 characters")
        String comment) {}
