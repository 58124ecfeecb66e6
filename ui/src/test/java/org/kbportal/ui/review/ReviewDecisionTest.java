package org.kbportal.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewDecisionTest {

    @Test
    void shouldRequireACommentToSendBackButNotToApprove() {
        ReviewDecision decision = new ReviewDecision("A-1");
        List<ReviewDecision.DecisionEvent> events = new ArrayList<>();
        decision.addDecisionListener(events::add);

        decision.comment.setValue("   ");
        decision.decide(false);
        assertThat(events).isEmpty();
        assertThat(decision.comment.isInvalid()).isTrue();

        decision.decide(true);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).approved()).isTrue();
        assertThat(events.get(0).comment()).isNull();

        decision.comment.setValue(" 请补充截图 ");
        decision.decide(false);
        assertThat(events).hasSize(2);
        assertThat(events.get(1).approved()).isFalse();
        assertThat(events.get(1).comment()).isEqualTo("请补充截图");
        assertThat(decision.comment.isInvalid()).isFalse();
    }
}
