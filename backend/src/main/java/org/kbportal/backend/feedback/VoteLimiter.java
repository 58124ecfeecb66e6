package org.kbportal.backend.feedback;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code perMinute} feedback posts per voter and minute (fixed one-minute windows, in
 * memory per instance): enough for a reader changing their mind, too few to flood the comments.
 */
final class VoteLimiter {

    private record Window(long minute, int count) {}

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final int perMinute;
    private final Clock clock;

    VoteLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Whether {@code voter} may post now (and counts the post). */
    boolean tryAcquire(String voter) {
        long minute = clock.millis() / 60_000;
        if (windows.size() > 50_000) {
            windows.values().removeIf(w -> w.minute() < minute);
        }
        Window w = windows.compute(
                voter,
                (k, old) -> old == null || old.minute() != minute
                        ? new Window(minute, 1)
                        : new Window(minute, old.count() + 1));
        return w.count() <= perMinute;
    }
}
