package org.kbportal.backend.duty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Monday 2026-11-23 is the reference week. */
class DutyRosterTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZONE).toInstant();
    }

    static Shift shift(long expert, DayOfWeek day, String start, String end) {
        return new Shift(0, expert, day, LocalTime.parse(start), LocalTime.parse(end));
    }

    @Test
    void shouldKeepA24x7ExpertAlwaysOnDuty() {
        List<Shift> allWeek = java.util.Arrays.stream(DayOfWeek.values())
                .map(d -> shift(1, d, "00:00", "00:00"))
                .toList();
        DutyRoster roster = new DutyRoster(ZONE, allWeek, List.of());
        assertThat(roster.onDuty(at("2026-11-29T03:00:00"))).containsExactly(1L);
        assertThat(roster.onDuty(at("2026-11-25T12:00:00"))).containsExactly(1L);
    }

    @Test
    void shouldFollowDayShiftsOnly() {
        DutyRoster roster = new DutyRoster(ZONE, List.of(shift(2, DayOfWeek.MONDAY, "09:00", "18:00")), List.of());
        assertThat(roster.onDuty(at("2026-11-23T09:00:00"))).containsExactly(2L);
        assertThat(roster.onDuty(at("2026-11-23T18:00:00"))).isEmpty();
        assertThat(roster.onDuty(at("2026-11-24T10:00:00"))).isEmpty();
    }

    @Test
    void shouldCarryOvernightShiftsIntoTheNextDay() {
        DutyRoster roster = new DutyRoster(ZONE, List.of(shift(3, DayOfWeek.MONDAY, "22:00", "06:00")), List.of());
        assertThat(roster.onDuty(at("2026-11-23T21:59:00"))).isEmpty();
        assertThat(roster.onDuty(at("2026-11-23T23:00:00"))).containsExactly(3L);
        assertThat(roster.onDuty(at("2026-11-24T05:59:00"))).containsExactly(3L);
        assertThat(roster.onDuty(at("2026-11-24T06:00:00"))).isEmpty();
    }

    @Test
    void shouldTakeADayOffFromAnOverride() {
        DutyRoster roster = new DutyRoster(
                ZONE,
                List.of(shift(4, DayOfWeek.TUESDAY, "09:00", "18:00")),
                List.of(new DutyOverride(1, 4, LocalDate.parse("2026-11-24"), false, null, null)));
        assertThat(roster.onDuty(at("2026-11-24T10:00:00"))).isEmpty();
        assertThat(roster.onDuty(at("2026-12-01T10:00:00"))).containsExactly(4L);
    }

    @Test
    void shouldPutSomeoneOnDutyForOverriddenHours() {
        DutyRoster roster = new DutyRoster(
                ZONE,
                List.of(),
                List.of(new DutyOverride(
                        1, 5, LocalDate.parse("2026-11-28"), true, LocalTime.of(20, 0), LocalTime.of(2, 0))));
        assertThat(roster.onDuty(at("2026-11-28T19:00:00"))).isEmpty();
        assertThat(roster.onDuty(at("2026-11-28T21:00:00"))).containsExactly(5L);
        assertThat(roster.onDuty(at("2026-11-29T01:00:00"))).containsExactly(5L);
    }

    @Test
    void shouldKeepLastNightsShiftWhenTodayIsOverriddenOff() {
        DutyRoster roster = new DutyRoster(
                ZONE,
                List.of(shift(6, DayOfWeek.MONDAY, "22:00", "06:00"), shift(6, DayOfWeek.TUESDAY, "22:00", "06:00")),
                List.of(new DutyOverride(1, 6, LocalDate.parse("2026-11-24"), false, null, null)));
        assertThat(roster.onDuty(at("2026-11-24T03:00:00"))).containsExactly(6L);
        assertThat(roster.onDuty(at("2026-11-24T23:00:00"))).isEmpty();
    }
}
