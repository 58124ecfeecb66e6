package org.kbportal.backend.duty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kbportal.backend.duty.DutyCoverage.Interval;
import org.kbportal.contract.duty.Tier;

/** Monday 2026-11-23 is the reference week. */
class DutyCoverageTest {

    static final LocalDate MON = LocalDate.parse("2026-11-23");
    static final LocalDate TUE = MON.plusDays(1);

    static Expert expert(long id, Tier tier, String... skills) {
        return new Expert(id, "e" + id, "E" + id, null, tier, List.of(skills), 5, null, true);
    }

    static Shift shift(long expert, DayOfWeek day, String start, String end) {
        return new Shift(0, expert, day, LocalTime.parse(start), LocalTime.parse(end));
    }

    static Interval gap(String start, String end) {
        return new Interval(LocalDateTime.parse(start), LocalDateTime.parse(end));
    }

    static DutyCoverage.Report report(
            List<Expert> experts, List<Shift> shifts, List<DutyOverride> overrides, LocalDate from, LocalDate to) {
        return new DutyCoverage(experts, shifts, overrides).report(from, to, List.of("network", "database"), "UTC");
    }

    @Test
    void shouldFindNoGapWithA24x7ExpertForEverySkill() {
        List<Shift> allWeek = Arrays.stream(DayOfWeek.values())
                .map(d -> shift(1, d, "00:00", "00:00"))
                .toList();
        DutyCoverage.Report r =
                report(List.of(expert(1, Tier.L1, "network", "database")), allWeek, List.of(), MON, MON.plusDays(7));
        assertThat(r.categories()).allSatisfy(g -> assertThat(g.uncovered()).isEmpty());
        assertThat(r.noL1()).isEmpty();
    }

    @Test
    void shouldReportTheHoursOutsideADayShiftAsUncovered() {
        DutyCoverage.Report r = report(
                List.of(expert(1, Tier.L1, "network")),
                List.of(shift(1, DayOfWeek.MONDAY, "09:00", "18:00")),
                List.of(),
                MON,
                TUE);
        assertThat(r.categories().get(0).uncovered())
                .containsExactly(
                        gap("2026-11-23T00:00", "2026-11-23T09:00"), gap("2026-11-23T18:00", "2026-11-24T00:00"));
        assertThat(r.categories().get(0).uncoveredMinutes()).isEqualTo(15 * 60);
        // nobody has the database skill: the whole day is a gap, though an L1 is on duty by day
        assertThat(r.categories().get(1).uncovered()).containsExactly(gap("2026-11-23T00:00", "2026-11-24T00:00"));
        assertThat(r.noL1())
                .containsExactly(
                        gap("2026-11-23T00:00", "2026-11-23T09:00"), gap("2026-11-23T18:00", "2026-11-24T00:00"));
    }

    @Test
    void shouldCountANightShiftOfTheDayBeforeAndJoinOverlappingShifts() {
        List<Shift> shifts = List.of(
                shift(1, DayOfWeek.SUNDAY, "20:00", "08:00"),
                shift(2, DayOfWeek.MONDAY, "07:00", "20:00"),
                shift(1, DayOfWeek.MONDAY, "19:00", "23:00"));
        DutyCoverage.Report r = report(
                List.of(expert(1, Tier.L1, "network"), expert(2, Tier.L1, "network")), shifts, List.of(), MON, TUE);
        assertThat(r.categories().get(0).uncovered()).containsExactly(gap("2026-11-23T23:00", "2026-11-24T00:00"));
    }

    @Test
    void shouldIgnoreL2InactiveExpertsAndHonourOverrides() {
        Expert inactive = new Expert(3, "e3", "E3", null, Tier.L1, List.of("network"), 5, null, false);
        List<Shift> shifts = List.of(
                shift(1, DayOfWeek.MONDAY, "00:00", "00:00"),
                shift(1, DayOfWeek.TUESDAY, "00:00", "00:00"),
                shift(2, DayOfWeek.TUESDAY, "00:00", "00:00"),
                shift(3, DayOfWeek.TUESDAY, "00:00", "00:00"));
        List<DutyOverride> overrides = List.of(
                // Monday off, Tuesday only 10:00-12:00
                new DutyOverride(1, 1, MON, false, null, null),
                new DutyOverride(2, 1, TUE, true, LocalTime.parse("10:00"), LocalTime.parse("12:00")));
        DutyCoverage.Report r = report(
                List.of(expert(1, Tier.L1, "network"), expert(2, Tier.L2, "network"), inactive),
                shifts,
                overrides,
                MON,
                TUE.plusDays(1));
        assertThat(r.categories().get(0).uncovered())
                .containsExactly(
                        gap("2026-11-23T00:00", "2026-11-24T10:00"), gap("2026-11-24T12:00", "2026-11-25T00:00"));
    }

    @Test
    void shouldClipShiftsToTheRange() {
        DutyCoverage.Report r = report(
                List.of(expert(1, Tier.L1, "network")),
                List.of(shift(1, DayOfWeek.MONDAY, "22:00", "06:00")),
                List.of(),
                TUE,
                TUE.plusDays(1));
        assertThat(r.categories().get(0).uncovered()).containsExactly(gap("2026-11-24T06:00", "2026-11-25T00:00"));
    }
}
