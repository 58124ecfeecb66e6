package org.kbportal.ui.client;

/**
 * The state of the search index.
 *
 * @param pending article changes not yet fully indexed
 * @param failing article changes whose indexing keeps failing
 * @param indexed articles in the index
 * @param engine {@code lucene} or {@code elasticsearch}
 * @param rebuild the last or running rebuild
 */
public record IndexStatus(long pending, long failing, long indexed, String engine, RebuildProgress rebuild) {

    public IndexStatus {
        rebuild = rebuild == null ? new RebuildProgress(null, 0, 0, null, null, null) : rebuild;
    }
}
