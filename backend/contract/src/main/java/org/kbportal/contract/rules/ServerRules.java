package org.kbportal.contract.rules;

import org.kbportal.contract.question.QuestionLimits;

/**
 * The limits the backend enforces, as configured ({@code GET /api/rules}, public): clients show and check these
 * instead of copying them.
 *
 * @param search how deep and how long a search may go
 * @param manualMaxBytes largest manual upload ({@code kb.manuals.max-upload})
 * @param articleAttachmentMaxBytes largest article attachment ({@code kb.attachments.max-upload})
 * @param importMaxBytes largest NDJSON import ({@code kb.ingest.max-bytes})
 * @param questions lengths and attachment limits of questions ({@code kb.questions.*})
 */
public record ServerRules(
        SearchRules search,
        long manualMaxBytes,
        long articleAttachmentMaxBytes,
        long importMaxBytes,
        QuestionLimits questions) {

    /** An upload limit for an upload component that takes an int. */
    public static int uploadLimit(long bytes) {
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }
}
