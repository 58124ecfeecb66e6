package org.kbportal.ui.question;

import org.kbportal.contract.question.QuestionAction;
import org.kbportal.contract.question.QuestionDetail;

/**
 * What the signed-in user may do with a question, as the backend lists it in the question's {@code actions}
 * (decided by the same checks its endpoints make): the page offers exactly these.
 *
 * @param followUp the asker (or their organisation) adds information while the question is open
 * @param answer the assignee or an administrator answers or asks for information while it is open
 * @param escalate the assignee or an administrator hands it to the next tier while it is open
 * @param handOver the assignee or an administrator hands it to another expert while it is open
 * @param resolve asker, assignee or administrator confirm an answered question
 * @param reopen asker or administrator open a resolved question again
 * @param rate the asker rates a resolved or closed question once
 * @param publish an expert turns a question that has an answer and no draft yet into a FAQ or case draft
 */
record QuestionPermissions(
        boolean followUp,
        boolean answer,
        boolean escalate,
        boolean handOver,
        boolean resolve,
        boolean reopen,
        boolean rate,
        boolean publish) {

    static QuestionPermissions of(QuestionDetail q) {
        return new QuestionPermissions(
                q.allows(QuestionAction.FOLLOW_UP),
                q.allows(QuestionAction.ANSWER),
                q.allows(QuestionAction.ESCALATE),
                q.allows(QuestionAction.HAND_OVER),
                q.allows(QuestionAction.RESOLVE),
                q.allows(QuestionAction.REOPEN),
                q.allows(QuestionAction.RATE),
                q.allows(QuestionAction.PUBLISH));
    }

    boolean any() {
        return followUp || answer || escalate || handOver || resolve || reopen || rate || publish;
    }
}
