package org.kbportal.backend.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * SLA arithmetic, free of I/O: due times round the clock or counting only working time, and the
 * extension a pause (waiting for the user) earns. A question's clocks start when it is asked.
 */
public final class SlaCalculator {

    /** Far enough to cover any sane budget; stops a calendar without working days from looping. */
    private static final int MAX_DAYS = 3 * 366;

    private final BusinessCalendar calendar;

    public SlaCalculator(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    /** The due times (and the 80 % warning times) of a question asked at {@code start}. */
    public record Deadlines(Instant replyWarnAt, Instant replyDueAt, Instant resolveWarnAt, Instant resolveDueAt) {}

    public Deadlines deadlines(Instant start, SlaPolicy policy) {
        Duration reply = Duration.ofMinutes(policy.replyMinutes());
        Duration resolve = Duration.ofMinutes(policy.resolveMinutes());
        boolean wt = policy.workingTime();
        return new Deadlines(
                add(start, reply.multipliedBy(4).dividedBy(5), wt),
                add(start, reply, wt),
                add(start, resolve.multipliedBy(4).dividedBy(5), wt),
                add(start, resolve, wt));
    }

    /** The instant at which {@code budget} of (working) time, counted from {@code start}, is used up. */
    public Instant add(Instant start, Duration budget, boolean workingTime) {
        if (!workingTime || budget.isZero()) {
            return start.plus(budget);
        }
        Duration left = budget;
        LocalDate day = start.atZone(calendar.zone()).toLocalDate().minusDays(1);
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            for (BusinessCalendar.Span s : calendar.spansStartingOn(day)) {
                if (!s.to().isAfter(start)) {
                    continue;
                }
                Instant from = s.from().isAfter(start) ? s.from() : start;
                Duration available = Duration.between(from, s.to());
                if (left.compareTo(available) <= 0) {
                    return from.plus(left);
                }
                left = left.minus(available);
            }
        }
        throw new IllegalStateException("The business calendar has no working time within " + MAX_DAYS + " days.");
    }

    /** How much (working) time lies between {@code from} and {@code to}. */
    public Duration counted(Instant from, Instant to, boolean workingTime) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (!workingTime) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        LocalDate day = from.atZone(calendar.zone()).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(calendar.zone()).toLocalDate();
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            for (BusinessCalendar.Span s : calendar.spansStartingOn(day)) {
                Instant a = s.from().isAfter(from) ? s.from() : from;
                Instant b = s.to().isBefore(to) ? s.to() : to;
                if (b.isAfter(a)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
        }
        return total;
    }

    /**
     * A due time moved on by the (working) time a pause from {@code pausedFrom} to {@code pausedTo}
     * took: the clock stands still while the question waits for the user.
     */
    public Instant extend(Instant due, Instant pausedFrom, Instant pausedTo, boolean workingTime) {
        if (due == null) {
            return null;
        }
        Duration paused = counted(pausedFrom, pausedTo, workingTime);
        if (paused.isZero()) {
            return due;
        }
        if (!workingTime) {
            return due.plus(paused);
        }
        // an instant at the very end of a working span continues at the start of the next one
        return add(due, paused, true);
    }
}
