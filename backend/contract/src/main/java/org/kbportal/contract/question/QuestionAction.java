package org.kbportal.contract.question;

/**
 * What a caller may do with a question now, as listed in its {@code actions} ({@code GET /api/questions/{id}} and
 * every action's answer). The backend decides each by the same checks the endpoint makes (its {@code QuestionPolicy}): who may
 * (403 otherwise) and whether the status allows it (its status, 409 otherwise).
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
}
