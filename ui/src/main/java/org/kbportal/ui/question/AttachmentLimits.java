package org.kbportal.ui.question;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the browser may pick as question attachments ({@code kb.ui.attachments.*}); keep it in step
 * with the backend's {@code kb.questions.attachment-*}, which decides.
 *
 * @param maxSize largest file the picker accepts
 * @param maxFiles most files picked at once
 */
@ConfigurationProperties("kb.ui.attachments")
record AttachmentLimits(
        @DefaultValue("10MB") DataSize maxSize,
        @DefaultValue("10") int maxFiles) {

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
