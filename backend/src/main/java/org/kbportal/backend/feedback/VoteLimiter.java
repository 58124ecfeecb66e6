package org.kbportal.backend.feedback;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} feedback posts per key (a voter, or a client address) and window (fixed windows, in
 * memory per instance): enough for a reader changing their mind, too few to flood the comments.
 */
final class VoteLimiter {

    private record Window(long slot, int count) {}

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final int limit;
    private final long windowMillis;
    private final Clock clock;

    VoteLimiter(int limit, java.time.Duration window, Clock clock) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** Whether {@code key} may post now (and counts the post). */
    boolean tryAcquire(String key) {
        long slot = clock.millis() / windowMillis;
        if (windows.size() > 50_000) {
            windows.values().removeIf(w -> w.slot() < slot);
        }
        Window w = windows.compute(
                key,
                (k, old) ->
                        old == null || old.slot() != slot ? new Window(slot, 1) : new Window(slot, old.count() + 1));
        return w.count() <= limit;
    }
}
