package org.kbportal.backend.duty;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A date on which an expert's week does not apply: off ({@code onDuty = false}) or on duty for the
 * given hours instead of the template's.
 */
public record DutyOverride(long id, long expertId, LocalDate date, boolean onDuty, LocalTime start, LocalTime end) {}
