package org.kbportal.backend.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Due times over a fixed week: Monday 2026-11-23 to Sunday 2026-11-29, Asia/Shanghai. */
class SlaCalculatorTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final BusinessCalendar OFFICE = BusinessCalendar.officeHours(ZONE);
    final SlaCalculator calc = new SlaCalculator(OFFICE);

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }

    @Test
    void shouldCountRoundTheClockRegardlessOfTheCalendar() {
        Clock fixed = Clock.fixed(at("2026-11-27T17:30:00"), ZONE);
        SlaCalculator.Deadlines d = calc.deadlines(fixed.instant(), new SlaPolicy("FAULT", "A", 60, 240, false));
        assertThat(d.replyDueAt()).isEqualTo(at("2026-11-27T18:30:00"));
        assertThat(d.replyWarnAt()).isEqualTo(at("2026-11-27T18:18:00"));
        assertThat(d.resolveDueAt()).isEqualTo(at("2026-11-27T21:30:00"));
        assertThat(d.resolveWarnAt()).isEqualTo(at("2026-11-27T20:42:00"));
    }

    @Test
    void shouldAddWorkingTimeWithinOneDay() {
        assertThat(calc.add(at("2026-11-23T10:00:00"), Duration.ofHours(4), true))
                .isEqualTo(at("2026-11-23T14:00:00"));
    }

    @Test
    void shouldCarryWorkingTimeOverNight() {
        assertThat(calc.add(at("2026-11-24T17:30:00"), Duration.ofMinutes(60), true))
                .isEqualTo(at("2026-11-25T09:30:00"));
    }

    @Test
    void shouldStartCountingAtTheNextOpeningWhenAskedAtNight() {
        assertThat(calc.add(at("2026-11-24T02:00:00"), Duration.ofMinutes(30), true))
                .isEqualTo(at("2026-11-24T09:30:00"));
    }

    @Test
    void shouldSkipTheWeekend() {
        assertThat(calc.add(at("2026-11-27T17:30:00"), Duration.ofMinutes(60), true))
                .isEqualTo(at("2026-11-30T09:30:00"));
        assertThat(calc.add(at("2026-11-28T10:00:00"), Duration.ofHours(4), true))
                .isEqualTo(at("2026-11-30T13:00:00"));
    }

    @Test
    void shouldSpreadTwentyFourWorkingHoursOverSeveralDays() {
        // Mon 10-18 (8 h) + Tue 9-18 (9 h) + Wed 9-16 (7 h)
        assertThat(calc.add(at("2026-11-23T10:00:00"), Duration.ofHours(24), true))
                .isEqualTo(at("2026-11-25T16:00:00"));
    }

    @Test
    void shouldSkipHolidays() {
        BusinessCalendar withHoliday =
                new BusinessCalendar(ZONE, OFFICE.hours(), Map.of(LocalDate.parse("2026-11-25"), false));
        assertThat(new SlaCalculator(withHoliday).add(at("2026-11-24T17:30:00"), Duration.ofMinutes(60), true))
                .isEqualTo(at("2026-11-26T09:30:00"));
    }

    @Test
    void shouldWorkOnMakeUpDays() {
        BusinessCalendar makeUpSaturday =
                new BusinessCalendar(ZONE, OFFICE.hours(), Map.of(LocalDate.parse("2026-11-28"), true));
        assertThat(new SlaCalculator(makeUpSaturday).add(at("2026-11-27T17:30:00"), Duration.ofMinutes(60), true))
                .isEqualTo(at("2026-11-28T09:30:00"));
    }

    @Test
    void shouldHandleWorkingHoursPastMidnight() {
        BusinessCalendar nightDesk = new BusinessCalendar(
                ZONE,
                Map.of(DayOfWeek.MONDAY, new BusinessCalendar.Hours(LocalTime.of(22, 0), LocalTime.of(6, 0))),
                Map.of());
        SlaCalculator night = new SlaCalculator(nightDesk);
        assertThat(night.add(at("2026-11-23T23:00:00"), Duration.ofHours(2), true))
                .isEqualTo(at("2026-11-24T01:00:00"));
        assertThat(night.add(at("2026-11-24T05:30:00"), Duration.ofMinutes(30), true))
                .isEqualTo(at("2026-11-24T06:00:00"));
        // the rest waits for next Monday night
        assertThat(night.add(at("2026-11-24T05:30:00"), Duration.ofMinutes(45), true))
                .isEqualTo(at("2026-11-30T22:15:00"));
    }

    @Test
    void shouldCountOnlyWorkingTimeBetweenTwoInstants() {
        assertThat(calc.counted(at("2026-11-27T17:00:00"), at("2026-11-30T10:00:00"), true))
                .isEqualTo(Duration.ofHours(2));
        assertThat(calc.counted(at("2026-11-28T08:00:00"), at("2026-11-29T20:00:00"), true))
                .isZero();
        assertThat(calc.counted(at("2026-11-28T08:00:00"), at("2026-11-29T20:00:00"), false))
                .isEqualTo(Duration.ofHours(36));
    }

    @Test
    void shouldExtendRoundTheClockDueTimesByThePause() {
        Instant due = at("2026-11-23T11:00:00");
        assertThat(calc.extend(due, at("2026-11-23T10:15:00"), at("2026-11-23T11:00:00"), false))
                .isEqualTo(at("2026-11-23T11:45:00"));
    }

    @Test
    void shouldExtendWorkingTimeDueTimesByTheWorkingPartOfThePause() {
        // paused Mon 17:00 until Tue 10:00: 1 h on Monday + 1 h on Tuesday count
        Instant due = at("2026-11-24T10:00:00");
        assertThat(calc.extend(due, at("2026-11-23T17:00:00"), at("2026-11-24T10:00:00"), true))
                .isEqualTo(at("2026-11-24T12:00:00"));
        // a due time at closing time moves into the next morning
        assertThat(calc.extend(at("2026-11-24T18:00:00"), at("2026-11-24T10:00:00"), at("2026-11-24T10:30:00"), true))
                .isEqualTo(at("2026-11-25T09:30:00"));
    }

    @Test
    void shouldNotExtendForAPauseOutsideWorkingTime() {
        Instant due = at("2026-11-30T10:00:00");
        assertThat(calc.extend(due, at("2026-11-28T10:00:00"), at("2026-11-29T10:00:00"), true))
                .isEqualTo(due);
    }
}
