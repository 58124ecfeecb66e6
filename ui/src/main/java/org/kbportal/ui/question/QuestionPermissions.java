package org.kbportal.ui.question;

import org.kbportal.ui.client.Question;

/**
 * What the signed-in user may do with a question, so that the page offers only actions the
 * backend will accept. The backend checks again; this only spares people pointless errors.
 *
 * @param followUp the asker adds information while the question is open
 * @param answer the assignee answers or asks for information while it is open
 * @param escalate the assignee or an administrator hands it to the next tier while it is open
 * @param resolve asker, assignee or administrator confirm an answered question
 * @param reopen asker or administrator open a resolved question again
 * @param rate the asker rates a resolved or closed question once
 * @param publish an expert turns a question that has an answer and no draft yet into a FAQ or case draft
 */
record QuestionPermissions(
        boolean followUp,
        boolean answer,
        boolean escalate,
        boolean resolve,
        boolean reopen,
        boolean rate,
        boolean publish) {

    static QuestionPermissions of(Question q, String username, boolean expert, boolean admin) {
        boolean asker = username != null && username.equals(q.asker());
        boolean assignee = username != null && username.equals(q.assignee());
        boolean open = !q.isFinished();
        return new QuestionPermissions(
                asker && open,
                assignee && open,
                (assignee || admin) && open,
                (asker || assignee || admin) && Question.ANSWERED.equals(q.status()),
                (asker || admin) && Question.RESOLVED.equals(q.status()),
                asker && q.isFinished() && q.rating() == null,
                (expert || admin) && q.firstReplyAt() != null && q.articleId() == null);
    }

    boolean any() {
        return followUp || answer || escalate || resolve || reopen || rate || publish;
    }
}
