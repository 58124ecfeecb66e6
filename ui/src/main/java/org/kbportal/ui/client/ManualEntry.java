package org.kbportal.ui.client;

import java.time.Instant;

/**
 * A manual made from documents, with its latest upload ({@code GET /api/admin/manuals}).
 *
 * @param uploads how many documents were uploaded for it (= its document versions)
 */
public record ManualEntry(String id, String title, String status, int version, Source latest, int uploads) {

    /** One uploaded document of a manual. */
    public record Source(
            String articleId,
            int version,
            String fileName,
            String format,
            long sizeBytes,
            Integer pages,
            int sections,
            String uploadedBy,
            Instant uploadedAt) {}
}
