package org.kbportal.ui.client;

import java.time.Instant;

/**
 * The last or running rebuild of the search index.
 *
 * @param state {@code IDLE} (none since the backend started), {@code RUNNING}, {@code DONE} or
 *     {@code FAILED}
 * @param total articles to index
 * @param done articles indexed so far
 * @param error what went wrong, for {@code FAILED}
 */
public record RebuildProgress(
        String state, long total, long done, Instant startedAt, Instant finishedAt, String error) {

    public static final String IDLE = "IDLE";
    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    public RebuildProgress {
        state = state == null || state.isBlank() ? IDLE : state.strip();
    }

    public boolean isRunning() {
        return RUNNING.equals(state);
    }

    /** How far it got, from 0 to 1; 0 while the total is not known. */
    public double fraction() {
        return total <= 0 ? 0 : Math.min(1.0, Math.max(0.0, (double) done / total));
    }
}
