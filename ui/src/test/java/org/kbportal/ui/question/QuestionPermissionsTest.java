package org.kbportal.ui.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kbportal.ui.client.Question;

class QuestionPermissionsTest {

    private static Question question(String status, Instant firstReply, Question.Rating rating) {
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
                firstReply,
                null,
                null,
                false,
                false,
                false,
                null,
                null,
                List.of(),
                List.of(),
                rating,
                List.of(),
                null);
    }

    @Test
    void shouldLetTheAskerFollowUpWhileOpenAndResolveAnAnswer() {
        QuestionPermissions open = QuestionPermissions.of(question("ASSIGNED", null, null), "user", false, false);
        assertThat(open).isEqualTo(new QuestionPermissions(true, false, false, false, false, false, false));

        QuestionPermissions answered =
                QuestionPermissions.of(question("ANSWERED", Instant.EPOCH, null), "user", false, false);
        assertThat(answered.resolve()).isTrue();
        assertThat(answered.reopen()).isFalse();
        assertThat(answered.publish()).isFalse();
    }

    @Test
    void shouldLetTheAskerReopenAndRateOnceWhenResolved() {
        assertThat(QuestionPermissions.of(question("RESOLVED", Instant.EPOCH, null), "user", false, false))
                .isEqualTo(new QuestionPermissions(false, false, false, false, true, true, false));
        Question.Rating rated = new Question.Rating(5, 5, 5, null, false, Instant.EPOCH);
        assertThat(QuestionPermissions.of(question("CLOSED", Instant.EPOCH, rated), "user", false, false)
                        .any())
                .isFalse();
    }

    @Test
    void shouldLetTheAssigneeAnswerEscalateAndPublishButNotRate() {
        QuestionPermissions working =
                QuestionPermissions.of(question("IN_PROGRESS", null, null), "expert", true, false);
        assertThat(working).isEqualTo(new QuestionPermissions(false, true, true, false, false, false, false));

        QuestionPermissions answered =
                QuestionPermissions.of(question("ANSWERED", Instant.EPOCH, null), "expert", true, false);
        assertThat(answered.resolve()).isTrue();
        assertThat(answered.publish()).isTrue();
        assertThat(answered.rate()).isFalse();
    }

    @Test
    void shouldNotOfferASecondDraftOnceOneExists() {
        Question q = question("ANSWERED", Instant.EPOCH, null);
        Question drafted = new Question(
                q.id(),
                q.title(),
                q.body(),
                q.kind(),
                q.severity(),
                q.category(),
                q.asker(),
                q.askerOrganisation(),
                q.contactPref(),
                q.status(),
                q.assignee(),
                q.tier(),
                q.escalated(),
                q.replyDueAt(),
                q.resolveDueAt(),
                q.firstReplyAt(),
                q.resolvedAt(),
                q.closedAt(),
                q.paused(),
                q.replyBreached(),
                q.resolveBreached(),
                q.createdAt(),
                q.updatedAt(),
                q.timeline(),
                q.messages(),
                q.rating(),
                q.attachments(),
                "Q-7-faq");
        assertThat(QuestionPermissions.of(drafted, "expert", true, false).publish())
                .isFalse();
    }

    @Test
    void shouldLetAnotherExpertOnlyPublishAndAnAdminEscalateResolveAndReopen() {
        QuestionPermissions other =
                QuestionPermissions.of(question("ANSWERED", Instant.EPOCH, null), "expert2", true, false);
        assertThat(other).isEqualTo(new QuestionPermissions(false, false, false, false, false, false, true));

        QuestionPermissions admin = QuestionPermissions.of(question("ASSIGNED", null, null), "admin", false, true);
        assertThat(admin).isEqualTo(new QuestionPermissions(false, false, true, false, false, false, false));
        assertThat(QuestionPermissions.of(question("RESOLVED", Instant.EPOCH, null), "admin", false, true)
                        .reopen())
                .isTrue();
    }
}
