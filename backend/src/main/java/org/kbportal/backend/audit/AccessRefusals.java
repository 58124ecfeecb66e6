package org.kbportal.backend.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.kbportal.backend.system.KbProperties;
import org.kbportal.backend.system.PeriodicJob;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refusals in the audit log without letting a caller flood it (the idea of the login throttle): per kind
 * of refusal ({@code access.denied}, {@code access.hidden}, {@code auth.invalid-token}) and per user, else
 * per client address, the first refusal of a window ({@code kb.audit.refusal-window}) is an event; the
 * further ones are counted and written as one {@code <kind>.repeated} event when the window ends. Counted
 * in memory per instance; at most {@value #MAX_SUBJECTS} subjects are tracked, beyond that refusals of a
 * kind share one window, so memory and audit rows stay bounded whatever a caller sends.
 */
@Service
public class AccessRefusals extends PeriodicJob {

    static final int MAX_SUBJECTS = 10_000;

    private static final class Window {
        final Instant start;
        final String actor;
        final String address;
        final String action;
        final int status;
        final AtomicLong further = new AtomicLong();

        Window(Instant start, String actor, String address, String action, int status) {
            this.start = start;
            this.actor = actor;
            this.address = address;
            this.action = action;
            this.status = status;
        }
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final AuditLog audit;
    private final Duration window;
    private final Clock clock;

    AccessRefusals(AuditLog audit, KbProperties props, Clock clock) {
        super("Refusal window sweep");
        this.audit = audit;
        this.window = props.audit().refusalWindow();
        this.clock = clock;
    }

    /**
     * Records a refusal: an event when it is the first of its kind from this user (else address) in the
     * window, otherwise one more in the window's count. Never fails.
     */
    public Mono<Void> refused(String actor, String address, String action, String target, int status, String details) {
        Instant now = clock.instant();
        String subject = actor != null ? "user:" + actor : "address:" + address;
        String key = windows.size() >= MAX_SUBJECTS && !windows.containsKey(action + "|" + subject)
                ? action + "|*"
                : action + "|" + subject;
        Window[] ended = new Window[1];
        boolean[] first = new boolean[1];
        windows.compute(key, (k, w) -> {
            if (w == null || !now.isBefore(w.start.plus(window))) {
                ended[0] = w;
                first[0] = true;
                return new Window(now, actor, address, action, status);
            }
            w.further.incrementAndGet();
            return w;
        });
        Mono<Void> summary = ended[0] == null ? Mono.empty() : summary(ended[0]);
        if (!first[0]) {
            return summary;
        }
        String note = (details == null ? "" : details + "; ") + "further refusals of this kind within " + window
                + " are counted, not listed";
        return summary.then(audit.record(actor, action, target, status, note, address));
    }

    /** Writes the counts of ended windows; runs every window and at shutdown. */
    Mono<Void> flush(boolean all) {
        Instant now = clock.instant();
        return Flux.fromIterable(windows.entrySet())
                .filter(e -> all || !now.isBefore(e.getValue().start.plus(window)))
                .filter(e -> windows.remove(e.getKey(), e.getValue()))
                .concatMap(e -> summary(e.getValue()))
                .then();
    }

    private Mono<Void> summary(Window w) {
        long n = w.further.get();
        if (n == 0) {
            return Mono.empty();
        }
        return audit.record(
                w.actor,
                w.action + ".repeated",
                w.actor != null ? w.actor : w.address,
                w.status,
                n + " further refusals (" + w.action + ") from " + (w.actor != null ? "this user" : "this address")
                        + " between " + w.start + " and " + w.start.plus(window),
                w.address);
    }

    /** Stops after the web server (its last refusals are counted) and before the database. */
    @Override
    public int getPhase() {
        return 0;
    }

    @Override
    protected Schedule schedule() {
        return Schedule.every(window);
    }

    @Override
    protected Mono<?> runOnce() {
        return flush(false);
    }

    @Override
    protected Mono<?> onStop() {
        return flush(true).timeout(Duration.ofSeconds(5));
    }
}
