package org.kbportal.backend.duty;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kbportal.contract.duty.Tier;

/**
 * Where the roster leaves gaps: for each category, the local-time intervals in a date range in which
 * no active L1 expert with that skill is on duty (a question of that category then goes to another
 * L1, or waits in the queue when no L1 is on duty at all). Same rules as {@link DutyRoster}: an
 * override replaces the template for shifts starting that date, and a shift may run past midnight.
 * No I/O.
 */
public final class DutyCoverage {

    /** A half-open stretch of local time {@code [start, end)} in the questions' zone. */
    public record Interval(LocalDateTime start, LocalDateTime end) {

        public long minutes() {
            return Duration.between(start, end).toMinutes();
        }
    }

    /** The gaps of one category. */
    public record Gaps(String category, List<Interval> uncovered, long uncoveredMinutes) {}

    /**
     * @param categories the gaps per category, in the order asked
     * @param noL1 when no active L1 expert is on duty at all (questions wait in the queue)
     */
    public record Report(LocalDate from, LocalDate to, String zone, List<Gaps> categories, List<Interval> noL1) {}

    private final List<Expert> experts;
    private final List<Shift> shifts;
    private final List<DutyOverride> overrides;

    public DutyCoverage(List<Expert> experts, List<Shift> shifts, List<DutyOverride> overrides) {
        this.experts = List.copyOf(experts);
        this.shifts = List.copyOf(shifts);
        this.overrides = List.copyOf(overrides);
    }

    /**
     * The gaps from the start of {@code from} to the start of {@code to} (exclusive).
     *
     * @param zone only reported back: the intervals are local times in it
     */
    public Report report(LocalDate from, LocalDate to, List<String> categories, String zone) {
        Interval range = new Interval(from.atStartOfDay(), to.atStartOfDay());
        List<Expert> l1 =
                experts.stream().filter(e -> e.active() && e.tier() == Tier.L1).toList();
        Map<Long, List<Interval>> duty =
                l1.stream().collect(Collectors.toMap(Expert::userId, e -> onDuty(e.userId(), range), (a, b) -> a));
        List<Gaps> gaps = new ArrayList<>();
        for (String category : categories) {
            List<Interval> covered = l1.stream()
                    .filter(e -> e.hasSkill(category))
                    .flatMap(e -> duty.get(e.userId()).stream())
                    .toList();
            List<Interval> open = complement(range, covered);
            gaps.add(new Gaps(
                    category, open, open.stream().mapToLong(Interval::minutes).sum()));
        }
        List<Interval> anyL1 =
                duty.values().stream().flatMap(Collection::stream).toList();
        return new Report(from, to, zone, gaps, complement(range, anyL1));
    }

    /** The intervals an expert is on duty within {@code range}, unsorted, possibly overlapping. */
    List<Interval> onDuty(long expertId, Interval range) {
        List<Interval> out = new ArrayList<>();
        // a shift starting the day before the range may run into it
        for (LocalDate day = range.start().toLocalDate().minusDays(1);
                day.isBefore(range.end().toLocalDate());
                day = day.plusDays(1)) {
            LocalDate d = day;
            DutyOverride o = overrides.stream()
                    .filter(x -> x.expertId() == expertId && x.date().equals(d))
                    .findFirst()
                    .orElse(null);
            if (o != null) {
                if (o.onDuty()) {
                    add(out, shift(d, orMidnight(o.start()), orMidnight(o.end())), range);
                }
                continue;
            }
            shifts.stream()
                    .filter(s -> s.expertId() == expertId && s.dayOfWeek() == d.getDayOfWeek())
                    .forEach(s -> add(out, shift(d, s.start(), s.end()), range));
        }
        return out;
    }

    private static LocalTime orMidnight(LocalTime t) {
        return t == null ? LocalTime.MIDNIGHT : t;
    }

    private static Interval shift(LocalDate day, LocalTime start, LocalTime end) {
        LocalDateTime from = day.atTime(start);
        return new Interval(
                from, end.isAfter(start) ? day.atTime(end) : day.plusDays(1).atTime(end));
    }

    private static void add(List<Interval> out, Interval i, Interval range) {
        LocalDateTime start = max(i.start(), range.start());
        LocalDateTime end = min(i.end(), range.end());
        if (start.isBefore(end)) {
            out.add(new Interval(start, end));
        }
    }

    /** {@code range} minus the union of {@code covered}, in order. */
    static List<Interval> complement(Interval range, List<Interval> covered) {
        List<Interval> sorted =
                covered.stream().sorted(Comparator.comparing(Interval::start)).toList();
        List<Interval> gaps = new ArrayList<>();
        LocalDateTime cursor = range.start();
        for (Interval c : sorted) {
            if (c.start().isAfter(cursor)) {
                gaps.add(new Interval(cursor, min(c.start(), range.end())));
            }
            cursor = max(cursor, c.end());
            if (!cursor.isBefore(range.end())) {
                break;
            }
        }
        if (cursor.isBefore(range.end())) {
            gaps.add(new Interval(cursor, range.end()));
        }
        return gaps;
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
