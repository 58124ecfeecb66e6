package org.kbportal.backend.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.kbportal.backend.sla.BusinessCalendar;
import org.kbportal.backend.sla.SlaCalculator;
import org.kbportal.contract.duty.Tier;

/** Waiting for the user stops a question's clocks; resuming moves every due time on. */
class PauseTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    final SlaCalculator calc = new SlaCalculator(BusinessCalendar.officeHours(ZONE));

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZONE).toInstant();
    }

    static Question paused(boolean workingTime, Instant since, Instant replyDue, Instant resolveDue) {
        return Question.builder()
                .id(1)
                .title("t")
                .body("b")
                .kind("FAULT")
                .severity("B")
                .category("network")
                .askerId(2)
                .askerName("user")
                .askerOrg("org")
                .status(QuestionStatus.WAITING_FOR_USER)
                .assigneeId(3L)
                .assigneeName("expert")
                .tier(Tier.L1)
                .workingTime(workingTime)
                .clocks(new Question.Clocks(
                        replyDue.minusSeconds(600),
                        replyDue,
                        resolveDue.minusSeconds(600),
                        resolveDue,
                        false,
                        false,
                        false,
                        false))
                .pausedSince(since)
                .pausedSeconds(120)
                .version(4)
                .createdAt(since)
                .updatedAt(since)
                .build();
    }

    @Test
    void shouldMoveRoundTheClockDueTimesByThePause() {
        Question q = paused(false, at("2026-11-23T10:00:00"), at("2026-11-23T10:30:00"), at("2026-11-23T13:00:00"));
        Question resumed = QuestionService.resume(q, calc, at("2026-11-23T10:45:00"));
        assertThat(resumed.pausedSince()).isNull();
        assertThat(resumed.pausedSeconds()).isEqualTo(120 + 45 * 60);
        assertThat(resumed.clocks().replyDueAt()).isEqualTo(at("2026-11-23T11:15:00"));
        assertThat(resumed.clocks().replyWarnAt()).isEqualTo(at("2026-11-23T11:05:00"));
        assertThat(resumed.clocks().resolveDueAt()).isEqualTo(at("2026-11-23T13:45:00"));
    }

    @Test
    void shouldMoveWorkingTimeDueTimesOnlyByTheWorkingPartOfThePause() {
        // waiting from Friday 17:00 until Monday 10:00: 1 h Friday + 1 h Monday count
        Question q = paused(true, at("2026-11-27T17:00:00"), at("2026-11-30T11:00:00"), at("2026-12-01T11:00:00"));
        Question resumed = QuestionService.resume(q, calc, at("2026-11-30T10:00:00"));
        assertThat(resumed.clocks().replyDueAt()).isEqualTo(at("2026-11-30T13:00:00"));
        assertThat(resumed.clocks().resolveDueAt()).isEqualTo(at("2026-12-01T13:00:00"));
    }

    @Test
    void shouldLeaveARunningQuestionAlone() {
        Question q = paused(false, at("2026-11-23T10:00:00"), at("2026-11-23T10:30:00"), at("2026-11-23T13:00:00"));
        Question running = q.toBuilder().pausedSince(null).pausedSeconds(0).build();
        assertThat(QuestionService.resume(running, calc, at("2026-11-23T12:00:00")))
                .isSameAs(running);
    }
}
