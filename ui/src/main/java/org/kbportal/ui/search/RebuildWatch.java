package org.kbportal.ui.search;

import java.time.Duration;
import java.time.Instant;
import org.kbportal.ui.client.RebuildProgress;

/**
 * Tells which phase an index rebuild is in, counting the moment between asking for one and seeing
 * it. The backend answers the request before the new rebuild has set its progress, so the answer
 * (and the next polls) may still describe the previous rebuild; and a small index can be rebuilt
 * between two polls. So a request stays "starting" until the progress differs from what it was
 * before the request, and only for {@link #START_TIMEOUT}.
 */
final class RebuildWatch {

    static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    /** What the page shows; {@link #STARTING} and {@link #RUNNING} keep it polling. */
    enum Phase {
        IDLE,
        STARTING,
        RUNNING,
        DONE,
        FAILED;

        boolean busy() {
            return this == STARTING || this == RUNNING;
        }
    }

    private RebuildProgress before;
    private Instant requestedAt;

    /** A rebuild was requested at {@code now}, when the progress was {@code before}. */
    void requested(RebuildProgress previous, Instant now) {
        this.before = previous;
        this.requestedAt = now;
    }

    /** The phase to show for the latest progress. */
    Phase phase(RebuildProgress latest, Instant now) {
        if (requestedAt != null) {
            boolean started = latest.isRunning() || !latest.equals(before);
            if (!started && now.isBefore(requestedAt.plus(START_TIMEOUT))) {
                return Phase.STARTING;
            }
            // started (perhaps finished already), or it never showed up: the backend's word counts
            requestedAt = null;
            before = null;
        }
        return switch (latest.state()) {
            case RebuildProgress.RUNNING -> Phase.RUNNING;
            case RebuildProgress.DONE -> Phase.DONE;
            case RebuildProgress.FAILED -> Phase.FAILED;
            default -> Phase.IDLE;
        };
    }
}
