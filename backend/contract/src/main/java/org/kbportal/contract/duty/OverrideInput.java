package org.kbportal.contract.duty;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A date off ({@code onDuty} false) or on duty for other hours than the week's ({@code POST
 * /api/admin/duty-overrides}, ADMIN).
 */
public record OverrideInput(
        @NotNull Long expertId,
        @NotNull LocalDate date,
        @NotNull Boolean onDuty,
        LocalTime start,
        LocalTime end) {}
