package org.kbportal.backend.manual;

import java.time.Instant;

/**
 * The uploaded document a version of a manual was made from.
 *
 * @param articleId the manual
 * @param version the article version the upload created
 * @param fileId the stored original (file store id), null while none is kept
 * @param fileName the sanitised original name
 * @param format the document format
 * @param sizeBytes the original's size
 * @param pages pages of a PDF, else null
 * @param sections sections the manual got
 * @param uploadedBy who uploaded it
 * @param uploadedAt when
 */
public record ManualSource(
        String articleId,
        int version,
        String fileId,
        String fileName,
        DocumentFormat format,
        long sizeBytes,
        Integer pages,
        int sections,
        String uploadedBy,
        Instant uploadedAt) {}
