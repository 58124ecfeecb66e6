package org.kbportal.backend.question;

import org.kbportal.backend.system.KbProperties;
import org.kbportal.contract.question.QuestionFieldLimits;

/**
 * The lengths and counts a question's requests must keep, as the backend enforces them: the request records'
 * {@code @Size} use the constants, the configured ones come from {@code kb.questions.*}. Served to clients by
 * {@code GET /api/rules}.
 *
 * @param titleMaxLength longest title
 * @param bodyMaxLength longest question or message body (after sanitising)
 * @param reasonMaxLength longest reason of a reopen, escalation or hand-over note
 * @param commentMaxLength longest rating comment
 * @param attachmentMaxBytes largest attachment
 * @param attachmentMaxCount most attachments one question may have
 */
public record QuestionLimits(
        int titleMaxLength,
        int bodyMaxLength,
        int reasonMaxLength,
        int commentMaxLength,
        long attachmentMaxBytes,
        int attachmentMaxCount) {

    static final int TITLE_MAX = QuestionFieldLimits.TITLE_MAX;
    static final int BODY_MAX = QuestionFieldLimits.BODY_MAX;
    static final int REASON_MAX = QuestionFieldLimits.REASON_MAX;
    static final int COMMENT_MAX = QuestionFieldLimits.COMMENT_MAX;

    /** The limits in force: the request caps, narrowed by the configuration. */
    public static QuestionLimits of(KbProperties.Questions questions) {
        return new QuestionLimits(
                TITLE_MAX,
                Math.min(BODY_MAX, questions.maxBodyChars()),
                REASON_MAX,
                COMMENT_MAX,
                questions.attachmentMaxSize().toBytes(),
                questions.attachmentMaxCount());
    }
}
