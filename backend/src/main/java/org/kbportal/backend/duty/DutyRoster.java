package org.kbportal.backend.duty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who is on duty at an instant, from weekly shifts and date overrides; no I/O. An override replaces
 * the template for shifts starting that date; a shift of the day before running past midnight still
 * counts unless that day was overridden too.
 */
public final class DutyRoster {

    private final ZoneId zone;
    private final List<Shift> shifts;
    private final List<DutyOverride> overrides;

    public DutyRoster(ZoneId zone, List<Shift> shifts, List<DutyOverride> overrides) {
        this.zone = zone;
        this.shifts = List.copyOf(shifts);
        this.overrides = List.copyOf(overrides);
    }

    /** The ids of the experts on duty at {@code at}. */
    public Set<Long> onDuty(Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        Set<Long> ids = new LinkedHashSet<>();
        shifts.stream().map(Shift::expertId).forEach(ids::add);
        overrides.stream().map(DutyOverride::expertId).forEach(ids::add);
        ids.removeIf(id -> !isOnDuty(id, local));
        return ids;
    }

    boolean isOnDuty(long expertId, LocalDateTime at) {
        LocalDate today = at.toLocalDate();
        return coversFrom(expertId, today, at) || coversFrom(expertId, today.minusDays(1), at);
    }

    /** Whether a shift of {@code expertId} starting on {@code day} covers {@code at}. */
    private boolean coversFrom(long expertId, LocalDate day, LocalDateTime at) {
        Optional<DutyOverride> o = overrides.stream()
                .filter(x -> x.expertId() == expertId && x.date().equals(day))
                .findFirst();
        if (o.isPresent()) {
            DutyOverride x = o.get();
            if (!x.onDuty()) {
                return false;
            }
            LocalTime start = x.start() == null ? LocalTime.MIDNIGHT : x.start();
            LocalTime end = x.end() == null ? LocalTime.MIDNIGHT : x.end();
            return covers(day, start, end, at);
        }
        return shifts.stream()
                .filter(s -> s.expertId() == expertId && s.dayOfWeek() == day.getDayOfWeek())
                .anyMatch(s -> covers(day, s.start(), s.end(), at));
    }

    /**
     * The earliest start of a shift of one of {@code expertIds} after {@code after} and within
     * {@code days} days, by the same rules as {@link #onDuty} (an override replaces the template for
     * shifts starting that date). Empty when none of them comes on duty in that window.
     */
    public Optional<Instant> nextStart(Set<Long> expertIds, Instant after, int days) {
        LocalDateTime from = LocalDateTime.ofInstant(after, zone);
        LocalDate first = from.toLocalDate();
        Optional<LocalDateTime> best = Optional.empty();
        for (LocalDate day = first; !day.isAfter(first.plusDays(days)); day = day.plusDays(1)) {
            for (long id : expertIds) {
                for (LocalTime start : startsOn(id, day)) {
                    LocalDateTime at = day.atTime(start);
                    if (at.isAfter(from) && (best.isEmpty() || at.isBefore(best.get()))) {
                        best = Optional.of(at);
                    }
                }
            }
            if (best.isPresent()) {
                break;
            }
        }
        return best.map(t -> t.atZone(zone).toInstant());
    }

    private List<LocalTime> startsOn(long expertId, LocalDate day) {
        Optional<DutyOverride> o = overrides.stream()
                .filter(x -> x.expertId() == expertId && x.date().equals(day))
                .findFirst();
        if (o.isPresent()) {
            DutyOverride x = o.get();
            return x.onDuty() ? List.of(x.start() == null ? LocalTime.MIDNIGHT : x.start()) : List.of();
        }
        return shifts.stream()
                .filter(s -> s.expertId() == expertId && s.dayOfWeek() == day.getDayOfWeek())
                .map(Shift::start)
                .toList();
    }

    private static boolean covers(LocalDate day, LocalTime start, LocalTime end, LocalDateTime at) {
        LocalDateTime from = day.atTime(start);
        LocalDateTime to =
                end.isAfter(start) ? day.atTime(end) : day.plusDays(1).atTime(end);
        return !at.isBefore(from) && at.isBefore(to);
    }
}
