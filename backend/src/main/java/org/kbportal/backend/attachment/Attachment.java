package org.kbportal.backend.attachment;

import java.time.Instant;

/**
 * A file attached to an article (a script, a tool, a configuration template).
 *
 * @param id the stored file's id
 * @param articleId the article
 * @param name the sanitised file name
 * @param contentType the type sniffed from the bytes
 * @param size bytes
 * @param sha256 hex digest, to check a download
 * @param description what it is for, may be null
 * @param addedBy who attached it
 * @param addedAt when
 */
public record Attachment(
        String id,
        String articleId,
        String name,
        String contentType,
        long size,
        String sha256,
        String description,
        String addedBy,
        Instant addedAt) {}
