package org.kbportal.ui.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kbportal.contract.question.QuestionAction;
import org.kbportal.contract.question.QuestionDetail;

class QuestionPermissionsTest {

    private static QuestionDetail question(String status, List<QuestionAction> actions) {
        return new QuestionDetail(
                7,
                "t",
                "<p>b</p>",
                "FAULT",
                "C",
                "database",
                "user",
                "demo",
                null,
                status,
                "expert",
                "L1",
                false,
                null,
                null,
                Instant.EPOCH,
                null,
                null,
                false,
                0,
                false,
                false,
                null,
                1,
                null,
                null,
                List.of(),
                List.of(),
                null,
                List.of(),
                actions);
    }

    @Test
    void shouldOfferExactlyTheActionsTheBackendLists() {
        assertThat(QuestionPermissions.of(
                        question("ASSIGNED", List.of(QuestionAction.FOLLOW_UP, QuestionAction.ATTACH))))
                .isEqualTo(new QuestionPermissions(true, false, false, false, false, false, false, false));
        assertThat(QuestionPermissions.of(question(
                        "IN_PROGRESS",
                        List.of(QuestionAction.ANSWER, QuestionAction.ESCALATE, QuestionAction.HAND_OVER))))
                .isEqualTo(new QuestionPermissions(false, true, true, true, false, false, false, false));
        assertThat(QuestionPermissions.of(question(
                        "RESOLVED", List.of(QuestionAction.REOPEN, QuestionAction.RATE, QuestionAction.PUBLISH))))
                .isEqualTo(new QuestionPermissions(false, false, false, false, false, true, true, true));
        assertThat(QuestionPermissions.of(question("ANSWERED", List.of(QuestionAction.RESOLVE)))
                        .resolve())
                .isTrue();
    }

    @Test
    void shouldOfferNothingWhenTheBackendListsNothing() {
        // a list entry (no actions sent) or a question the caller may only read: no buttons, whatever the status
        assertThat(QuestionPermissions.of(question("ANSWERED", null)).any()).isFalse();
        assertThat(QuestionPermissions.of(question("RESOLVED", List.of(QuestionAction.ATTACH)))
                        .any())
                .isFalse();
    }
}
