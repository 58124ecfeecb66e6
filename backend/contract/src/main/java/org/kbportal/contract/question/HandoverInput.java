package org.kbportal.contract.question;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** To whom a question goes ({@code POST /api/questions/{id}/handover}): the expert's user id and a note. */
public record HandoverInput(
        @NotNull(message = "to (the expert's user id) is required")
        Long to,

        @Size(max = QuestionLimits.REASON_MAX) String note) {}
