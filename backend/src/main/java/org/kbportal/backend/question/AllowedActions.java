package org.kbportal.backend.question;

import java.util.EnumSet;
import java.util.Set;
import org.kbportal.contract.question.QuestionAction;

/** Which {@link QuestionAction}s a caller may take on a question now, by the checks the endpoints make. */
final class AllowedActions {

    private AllowedActions() {}

    /** The actions {@code c} may take on {@code q} now; {@code rated}: the question has a rating. */
    static Set<QuestionAction> of(Caller c, Question q, boolean rated) {
        Set<QuestionAction> out = EnumSet.noneOf(QuestionAction.class);
        QuestionStatus s = q.status();
        boolean open = !s.isFinished();
        if (open && QuestionPolicy.writesAsAsker(c, q) && QuestionPolicy.mayFollowUp(c, q)) {
            out.add(QuestionAction.FOLLOW_UP);
        }
        if (open
                && !QuestionPolicy.writesAsAsker(c, q)
                && (s == QuestionStatus.ANSWERED || s.canGo(QuestionStatus.ANSWERED))) {
            out.add(QuestionAction.ANSWER);
        }
        if (QuestionPolicy.mayStart(c, q) && s.canGo(QuestionStatus.IN_PROGRESS)) {
            out.add(QuestionAction.START);
        }
        if (QuestionPolicy.mayResolve(c, q) && s.canGo(QuestionStatus.RESOLVED)) {
            out.add(QuestionAction.RESOLVE);
        }
        if (QuestionPolicy.mayReopen(c, q) && s.canGo(QuestionStatus.REOPENED)) {
            out.add(QuestionAction.REOPEN);
        }
        if (QuestionPolicy.mayClaim(c, q) && q.assigneeId() == null && open) {
            out.add(QuestionAction.CLAIM);
        }
        if (QuestionPolicy.mayReassign(c, q) && open) {
            out.add(QuestionAction.HAND_OVER);
            if (q.tier().next() != null) {
                out.add(QuestionAction.ESCALATE);
            }
        }
        if (QuestionPolicy.mayRate(c, q) && s.isFinished() && !rated) {
            out.add(QuestionAction.RATE);
        }
        if (QuestionPolicy.mayPublish(c) && q.articleId() == null && q.firstReplyAt() != null) {
            out.add(QuestionAction.PUBLISH);
        }
        if (s != QuestionStatus.CLOSED) {
            out.add(QuestionAction.ATTACH);
        }
        return out;
    }
}
