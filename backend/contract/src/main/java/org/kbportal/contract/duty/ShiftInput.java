package org.kbportal.contract.duty;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalTime;

/** A weekly shift ({@code POST /api/admin/shifts}, ADMIN); an end at or before the start runs past midnight. */
public record ShiftInput(
        @NotNull Long expertId,

        @NotNull(message = "dayOfWeek is required (1 = Monday ... 7 = Sunday)") @Min(1) @Max(7)
        Integer dayOfWeek,

        @NotNull LocalTime start,
        @NotNull LocalTime end) {}
