package org.kbportal.backend.duty;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** A weekly shift; an end at or before the start runs past midnight (start = end: 24 hours). */
public record Shift(long id, long expertId, DayOfWeek dayOfWeek, LocalTime start, LocalTime end) {}
