package org.kbportal.ui.question;

import org.kbportal.contract.question.QuestionLimits;
import org.springframework.util.unit.DataSize;

/**
 * What the browser may pick as question attachments: the backend's limits ({@code GET /api/rules}, from its
 * {@code kb.questions.attachment-*}), which decide.
 *
 * @param maxSize largest file the picker accepts
 * @param maxFiles most files picked at once
 */
record AttachmentLimits(DataSize maxSize, int maxFiles) {

    static AttachmentLimits of(QuestionLimits rules) {
        return new AttachmentLimits(DataSize.ofBytes(rules.attachmentMaxBytes()), rules.attachmentMaxCount());
    }

    /** What the picker offers: screenshots, text logs, PDF and ZIP (by type and by extension). */
    static final String[] ACCEPTED = {
        "image/png",
        "image/jpeg",
        "image/gif",
        "image/webp",
        "text/plain",
        "application/pdf",
        "application/zip",
        ".png",
        ".jpg",
        ".jpeg",
        ".gif",
        ".webp",
        ".txt",
        ".log",
        ".pdf",
        ".zip"
    };
}
