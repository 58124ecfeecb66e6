package org.kbportal.backend.question;

/**
 * Who may act on a question, one rule per action: the endpoints refuse with 403 by these, and {@link
 * AllowedActions#of} lists the actions by these, so the two cannot disagree. The caller must first be able to see
 * the question ({@link QuestionAccess#visible}).
 */
final class QuestionPolicy {

    private QuestionPolicy() {}

    private static boolean asker(Caller c, Question q) {
        return q.askerId() == c.id();
    }

    /** A message from the asker, their organisation or anyone but the assignee and admins continues the talk. */
    static boolean writesAsAsker(Caller c, Question q) {
        return asker(c, q) || (!c.admin() && (q.assigneeId() == null || q.assigneeId() != c.id()));
    }

    /** On the asker's side only the asker and their organisation write. */
    static boolean mayFollowUp(Caller c, Question q) {
        return asker(c, q) || QuestionAccess.sameOrg(c, q);
    }

    static boolean mayStart(Caller c, Question q) {
        return QuestionAccess.isAssignee(c, q);
    }

    static boolean mayResolve(Caller c, Question q) {
        return asker(c, q) || c.admin() || QuestionAccess.isAssignee(c, q);
    }

    static boolean mayReopen(Caller c, Question q) {
        return asker(c, q) || c.admin();
    }

    static boolean mayRate(Caller c, Question q) {
        return asker(c, q);
    }

    /** Escalate and hand over: the assignee or an admin. */
    static boolean mayReassign(Caller c, Question q) {
        return c.admin() || QuestionAccess.isAssignee(c, q);
    }

    static boolean mayClaim(Caller c, Question q) {
        return c.activeExpert() && c.expert().hasSkill(q.category());
    }

    static boolean mayPublish(Caller c) {
        return c.admin() || c.activeExpert();
    }
}
