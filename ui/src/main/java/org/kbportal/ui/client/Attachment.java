package org.kbportal.ui.client;

import java.time.Instant;

/**
 * A file attached to a question (screenshot, log, PDF, ZIP).
 *
 * @param id the stored file's id, for {@link QuestionClient#download}
 * @param contentType the type the backend found in the bytes
 * @param uploadedBy login name of the uploader
 * @param fromExpert whether an expert attached it
 */
public record Attachment(
        String id, String name, String contentType, long size, String uploadedBy, boolean fromExpert, Instant at) {}
