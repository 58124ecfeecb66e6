package org.kbportal.ui.client;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.kbportal.contract.duty.ExpertInput;
import org.kbportal.contract.duty.OverrideInput;
import org.kbportal.contract.duty.ShiftInput;
import org.kbportal.contract.duty.Tier;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/**
 * The duty roster for administrators ({@code /api/admin/experts}, {@code /api/admin/shifts},
 * {@code /api/admin/duty-overrides}, {@code /api/admin/duty/coverage}; ADMIN): experts with tier,
 * skills and load, weekly shifts, date overrides and the hours nobody covers.
 */
@HttpExchange(accept = MediaType.APPLICATION_JSON_VALUE)
public interface DutyClient {

    /**
     * An expert: a user with the EXPERT role registered for questions.
     *
     * @param tier L1, L2 or L3
     * @param skills category codes
     * @param organisation the vendor of an L3 contact
     */
    record Expert(
            long userId,
            String username,
            String displayName,
            String email,
            String tier,
            List<String> skills,
            int maxLoad,
            String organisation,
            boolean active) {

        public Expert {
            skills = skills == null ? List.of() : List.copyOf(skills);
        }
    }

    /** A weekly shift; an end at or before the start runs past midnight. */
    record Shift(long id, long expertId, DayOfWeek dayOfWeek, LocalTime start, LocalTime end) {}

    /** A date off ({@code onDuty} false) or on duty for other hours than the week's. */
    record Override(long id, long expertId, LocalDate date, boolean onDuty, LocalTime start, LocalTime end) {}

    /** A stretch of local time {@code [start, end)} in the roster's zone. */
    record Interval(LocalDateTime start, LocalDateTime end) {}

    /** The hours of a category no L1 expert with the skill is on duty. */
    record Gaps(String category, List<Interval> uncovered, long uncoveredMinutes) {}

    /** The roster's gaps in a date range; {@code noL1}: no L1 on duty at all. */
    record Coverage(LocalDate from, LocalDate to, String zone, List<Gaps> categories, List<Interval> noL1) {}

    @GetExchange("/api/admin/experts")
    List<Expert> experts();

    /**
     * Registers or changes an expert.
     *
     * @throws BackendException 400 {@code not-an-expert} without the EXPERT role, validation errors
     */
    @PutExchange("/api/admin/experts/{userId}")
    Expert saveExpert(@PathVariable long userId, @RequestBody ExpertInput expert);

    default Expert saveExpert(Expert e) {
        Tier tier = e.tier() == null ? null : Tier.valueOf(e.tier());
        return saveExpert(e.userId(), new ExpertInput(tier, e.skills(), e.maxLoad(), e.organisation(), e.active()));
    }

    @GetExchange("/api/admin/shifts")
    List<Shift> shifts();

    @PostExchange("/api/admin/shifts")
    Shift addShift(@RequestBody ShiftInput shift);

    default Shift addShift(long expertId, DayOfWeek day, LocalTime start, LocalTime end) {
        return addShift(new ShiftInput(expertId, day.getValue(), start, end));
    }

    @DeleteExchange("/api/admin/shifts/{id}")
    void deleteShift(@PathVariable long id);

    /** Overrides from {@code from} to {@code to} (ISO dates), both included. */
    @GetExchange("/api/admin/duty-overrides")
    List<Override> overrides(@RequestParam String from, @RequestParam String to);

    /** Overrides from {@code from} to {@code to}, both included. */
    default List<Override> overrides(LocalDate from, LocalDate to) {
        return overrides(from.toString(), to.toString());
    }

    @PostExchange("/api/admin/duty-overrides")
    Override addOverride(@RequestBody OverrideInput override);

    default Override addOverride(long expertId, LocalDate date, boolean onDuty, LocalTime start, LocalTime end) {
        return addOverride(new OverrideInput(expertId, date, onDuty, start, end));
    }

    @DeleteExchange("/api/admin/duty-overrides/{id}")
    void deleteOverride(@PathVariable long id);

    /** The gaps from the start of {@code from} to the start of {@code to} (ISO dates). */
    @GetExchange("/api/admin/duty/coverage")
    Coverage coverage(@RequestParam String from, @RequestParam String to);

    /** The gaps from the start of {@code from} to the start of {@code to}. */
    default Coverage coverage(LocalDate from, LocalDate to) {
        return coverage(from.toString(), to.toString());
    }
}
