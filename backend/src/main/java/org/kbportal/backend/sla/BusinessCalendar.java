package org.kbportal.backend.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * When the service desk works: hours per weekday (an end at or before the start runs past midnight),
 * holidays and make-up working days (调休). A make-up day on a weekend uses Monday's hours.
 *
 * @param zone the zone the hours and dates are meant in
 * @param hours working hours per weekday; a missing weekday is not worked
 * @param days dates that differ from the week: {@code false} a holiday, {@code true} a make-up day
 */
public record BusinessCalendar(ZoneId zone, Map<DayOfWeek, Hours> hours, Map<LocalDate, Boolean> days) {

    /** Working hours of one day; {@code end} at or before {@code start} ends on the next day. */
    public record Hours(LocalTime start, LocalTime end) {}

    /** A half-open span of time. */
    public record Span(Instant from, Instant to) {}

    private static final Hours FALLBACK = new Hours(LocalTime.of(9, 0), LocalTime.of(18, 0));

    public BusinessCalendar {
        hours = Map.copyOf(hours);
        days = Map.copyOf(days);
    }

    /** Monday to Friday 09:00-18:00 in {@code zone}, no holidays. */
    public static BusinessCalendar officeHours(ZoneId zone) {
        Map<DayOfWeek, Hours> h = new java.util.EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            h.put(d, FALLBACK);
        }
        return new BusinessCalendar(zone, h, Map.of());
    }

    /** The working hours that start on {@code date}, if it is worked. */
    public java.util.Optional<Hours> hoursOn(LocalDate date) {
        Boolean special = days.get(date);
        if (Boolean.FALSE.equals(special)) {
            return java.util.Optional.empty();
        }
        Hours h = hours.get(date.getDayOfWeek());
        if (h == null && Boolean.TRUE.equals(special)) {
            h = hours.getOrDefault(DayOfWeek.MONDAY, FALLBACK);
        }
        return java.util.Optional.ofNullable(h);
    }

    /** The working span that starts on {@code date}, as instants (empty when not worked). */
    public List<Span> spansStartingOn(LocalDate date) {
        List<Span> out = new ArrayList<>(1);
        hoursOn(date).ifPresent(h -> {
            Instant from = date.atTime(h.start()).atZone(zone).toInstant();
            LocalDate endDate = h.end().isAfter(h.start()) ? date : date.plusDays(1);
            Instant to = endDate.atTime(h.end()).atZone(zone).toInstant();
            out.add(new Span(from, to));
        });
        return out;
    }
}
