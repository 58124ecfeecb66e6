package org.kbportal.ui.client;

/**
 * The limits the backend enforces ({@code GET /api/rules}): the UI shows and checks these, it keeps no copies.
 *
 * @param search how deep and how long a search may go
 * @param manualMaxBytes largest manual upload
 * @param articleAttachmentMaxBytes largest article attachment
 * @param importMaxBytes largest NDJSON import
 * @param questions lengths and attachment limits of questions
 */
public record ServerRules(
        Search search, long manualMaxBytes, long articleAttachmentMaxBytes, long importMaxBytes, Questions questions) {

    /**
     * @param maxResultWindow deepest reachable hit (page × size)
     * @param maxPageSize largest page
     * @param maxQueryLength longest query in characters
     */
    public record Search(int maxResultWindow, int maxPageSize, int maxQueryLength) {}

    /** Lengths of a question's texts and its attachment limits. */
    public record Questions(
            int titleMaxLength,
            int bodyMaxLength,
            int reasonMaxLength,
            int commentMaxLength,
            long attachmentMaxBytes,
            int attachmentMaxCount) {}

    /** An upload limit for Vaadin's {@code Upload}, which takes an int. */
    public static int uploadLimit(long bytes) {
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }
}
