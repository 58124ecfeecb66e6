package org.kbportal.contract.question;

/**
 * The lengths and counts a question's requests must keep, as the backend enforces them: the request records'
 * {@code @Size} use the constants, the configured ones come from the backend's {@code kb.questions.*}. Served to
 * clients by {@code GET /api/rules}.
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

    /** Longest title any configuration allows. */
    public static final int TITLE_MAX = 200;
    /** Longest question or message body any configuration allows. */
    public static final int BODY_MAX = 20_000;
    /** Longest reason of a reopen, escalation or hand-over note. */
    public static final int REASON_MAX = 1000;
    /** Longest rating comment. */
    public static final int COMMENT_MAX = 2000;
}
