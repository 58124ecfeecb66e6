package org.kbportal.backend.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kbportal.backend.question.QuestionStatus.ANSWERED;
import static org.kbportal.backend.question.QuestionStatus.ASSIGNED;
import static org.kbportal.backend.question.QuestionStatus.CLOSED;
import static org.kbportal.backend.question.QuestionStatus.IN_PROGRESS;
import static org.kbportal.backend.question.QuestionStatus.NEW;
import static org.kbportal.backend.question.QuestionStatus.REOPENED;
import static org.kbportal.backend.question.QuestionStatus.RESOLVED;
import static org.kbportal.backend.question.QuestionStatus.WAITING_FOR_USER;

import org.junit.jupiter.api.Test;
import org.kbportal.backend.system.KbException;
import org.springframework.http.HttpStatus;

class QuestionStatusTest {

    @Test
    void shouldWalkTheHappyPath() {
        QuestionStatus s = NEW;
        for (QuestionStatus next :
                new QuestionStatus[] {ASSIGNED, IN_PROGRESS, WAITING_FOR_USER, IN_PROGRESS, ANSWERED, RESOLVED, CLOSED
                }) {
            s = s.check(next);
        }
        assertThat(s).isEqualTo(CLOSED);
    }

    @Test
    void shouldReopenAResolvedQuestionAndAnswerAgain() {
        assertThat(RESOLVED.check(REOPENED).check(ASSIGNED).check(ANSWERED).check(RESOLVED))
                .isEqualTo(RESOLVED);
    }

    @Test
    void shouldRejectIllegalChangesWithAConflictProblem() {
        assertThatThrownBy(() -> NEW.check(RESOLVED)).isInstanceOfSatisfying(KbException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(e.type().toString()).isEqualTo("urn:kb:illegal-transition");
            assertThat(e.getMessage()).contains("NEW").contains("RESOLVED");
        });
        assertThat(ASSIGNED.canGo(RESOLVED)).isFalse();
        assertThat(WAITING_FOR_USER.canGo(RESOLVED)).isFalse();
        assertThat(ANSWERED.canGo(CLOSED)).isFalse();
        assertThat(RESOLVED.canGo(ANSWERED)).isFalse();
    }

    @Test
    void shouldNeverLeaveClosed() {
        for (QuestionStatus s : QuestionStatus.values()) {
            assertThat(CLOSED.canGo(s)).as("CLOSED -> " + s).isFalse();
        }
    }

    @Test
    void shouldCountOnlyOpenWorkAsLoad() {
        assertThat(QuestionStatus.OPEN).contains(NEW, ASSIGNED, IN_PROGRESS, WAITING_FOR_USER, REOPENED);
        assertThat(QuestionStatus.OPEN).doesNotContain(ANSWERED, RESOLVED, CLOSED);
    }

    @Test
    void shouldKeepOrResetTheStatusOnAssignment() {
        assertThat(Assigner.statusWhenAssigned(NEW)).isEqualTo(ASSIGNED);
        assertThat(Assigner.statusWhenAssigned(IN_PROGRESS)).isEqualTo(ASSIGNED);
        assertThat(Assigner.statusWhenAssigned(WAITING_FOR_USER)).isEqualTo(WAITING_FOR_USER);
        assertThat(Assigner.statusWhenUnassigned(IN_PROGRESS)).isEqualTo(NEW);
        assertThatThrownBy(() -> Assigner.statusWhenAssigned(CLOSED)).isInstanceOf(KbException.class);
    }
}
