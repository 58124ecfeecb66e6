package org.kbportal.backend.question;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a caller may do with a question now, as listed in its {@code actions} ({@code GET /api/questions/{id}} and
 * every action's answer). Each is decided by the same checks the endpoint makes ({@link QuestionPolicy}): who may
 * (403 otherwise) and whether the status allows it ({@link QuestionStatus}, 409 otherwise).
 */
public enum QuestionAction {
    /** {@code POST .../messages} from the asker's side: add information while it is open. */
    FOLLOW_UP,
    /** {@code POST .../messages} from the assignee or an admin: answer, or ask for information. */
    ANSWER,
    /** {@code POST .../start}. */
    START,
    /** {@code POST .../resolve}. */
    RESOLVE,
    /** {@code POST .../reopen}. */
    REOPEN,
    /** {@code POST .../claim}: take it from the queue. */
    CLAIM,
    /** {@code POST .../handover}. */
    HAND_OVER,
    /** {@code POST .../escalate}. */
    ESCALATE,
    /** {@code POST .../rating}. */
    RATE,
    /** {@code POST .../publish}: propose an article from the answer. */
    PUBLISH,
    /** {@code POST .../attachments}. */
    ATTACH;

    /** The actions {@code c} may take on {@code q} now; {@code rated}: the question has a rating. */
    static Set<QuestionAction> of(Caller c, Question q, boolean rated) {
        Set<QuestionAction> out = EnumSet.noneOf(QuestionAction.class);
        QuestionStatus s = q.status();
        boolean open = !s.isFinished();
        if (open && QuestionPolicy.writesAsAsker(c, q) && QuestionPolicy.mayFollowUp(c, q)) {
            out.add(FOLLOW_UP);
        }
        if (open
                && !QuestionPolicy.writesAsAsker(c, q)
                && (s == QuestionStatus.ANSWERED || s.canGo(QuestionStatus.ANSWERED))) {
            out.add(ANSWER);
        }
        if (QuestionPolicy.mayStart(c, q) && s.canGo(QuestionStatus.IN_PROGRESS)) {
            out.add(START);
        }
        if (QuestionPolicy.mayResolve(c, q) && s.canGo(QuestionStatus.RESOLVED)) {
            out.add(RESOLVE);
        }
        if (QuestionPolicy.mayReopen(c, q) && s.canGo(QuestionStatus.REOPENED)) {
            out.add(REOPEN);
        }
        if (QuestionPolicy.mayClaim(c, q) && q.assigneeId() == null && open) {
            out.add(CLAIM);
        }
        if (QuestionPolicy.mayReassign(c, q) && open) {
            out.add(HAND_OVER);
            if (q.tier().next() != null) {
                out.add(ESCALATE);
            }
        }
        if (QuestionPolicy.mayRate(c, q) && s.isFinished() && !rated) {
            out.add(RATE);
        }
        if (QuestionPolicy.mayPublish(c) && q.articleId() == null && q.firstReplyAt() != null) {
            out.add(PUBLISH);
        }
        if (s != QuestionStatus.CLOSED) {
            out.add(ATTACH);
        }
        return out;
    }
}
