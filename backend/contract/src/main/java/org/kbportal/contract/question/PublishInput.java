package org.kbportal.contract.question;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** What a question's answer becomes ({@code POST /api/questions/{id}/publish}): FAQ or CASE. */
public record PublishInput(
        @NotNull(message = "type is required") @Pattern(regexp = "FAQ|CASE", message = "FAQ or CASE")
        String type) {}
