package org.kbportal.ui.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kbportal.ui.client.Question;

class QuestionPermissionsTest {

    private static Question question(String status, List<String> actions) {
        return new Question(
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
                false,
                false,
                null,
                null,
                List.of(),
                List.of(),
                null,
                List.of(),
                null,
                actions);
    }

    @Test
    void shouldOfferExactlyTheActionsTheBackendLists() {
        assertThat(QuestionPermissions.of(question("ASSIGNED", List.of("FOLLOW_UP", "ATTACH"))))
                .isEqualTo(new QuestionPermissions(true, false, false, false, false, false, false, false));
        assertThat(QuestionPermissions.of(question("IN_PROGRESS", List.of("ANSWER", "ESCALATE", "HAND_OVER"))))
                .isEqualTo(new QuestionPermissions(false, true, true, true, false, false, false, false));
        assertThat(QuestionPermissions.of(question("RESOLVED", List.of("REOPEN", "RATE", "PUBLISH"))))
                .isEqualTo(new QuestionPermissions(false, false, false, false, false, true, true, true));
        assertThat(QuestionPermissions.of(question("ANSWERED", List.of("RESOLVE")))
                        .resolve())
                .isTrue();
    }

    @Test
    void shouldOfferNothingWhenTheBackendListsNothing() {
        // a list entry (no actions sent) or a question the caller may only read: no buttons, whatever the status
        assertThat(QuestionPermissions.of(question("ANSWERED", null)).any()).isFalse();
        assertThat(QuestionPermissions.of(question("RESOLVED", List.of("ATTACH")))
                        .any())
                .isFalse();
    }
}
