package org.kbportal.backend.system;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Work that runs on a timer while the application runs: a subclass says when ({@link #schedule()}) and what
 * ({@link #runOnce()}). Runs never overlap (a tick that comes while a run is busy is dropped, not queued); a
 * failed run is logged under the subclass's logger, counted in {@code kb.job.failures{job=<name>}} and the next
 * tick runs again (a failure repeated run after run is logged once at WARN, then at DEBUG). {@link #onStart()} runs once before the first tick, {@link #onStop()} once after the last run
 * (a final flush; at most {@link #STOP_WITHIN}), in the subclass's {@link #getPhase() phase}.
 */
public abstract class PeriodicJob implements SmartLifecycle, MeterBinder {

    /** How long {@link #onStop()} may hold up the shutdown. */
    public static final Duration STOP_WITHIN = Duration.ofSeconds(10);

    /**
     * When runs start: the first after {@code initialDelay}, then every {@code period}; {@code blocking} work
     * runs on {@code boundedElastic}. {@link #IDLE} runs nothing (the job is not configured).
     */
    public record Schedule(Duration initialDelay, Duration period, boolean blocking) {

        public static final Schedule IDLE = new Schedule(Duration.ZERO, Duration.ZERO, false);

        /** Every {@code period}, the first a period after start. */
        public static Schedule every(Duration period) {
            return new Schedule(period, period, false);
        }

        /** The same period, the first run {@code delay} after start. */
        public Schedule after(Duration delay) {
            return new Schedule(delay, period, blocking);
        }

        /** Runs on {@code boundedElastic}, for work that blocks its thread. */
        public Schedule blockingWork() {
            return new Schedule(initialDelay, period, true);
        }

        boolean idle() {
            return period == null || period.isZero() || period.isNegative();
        }
    }

    private final String name;
    private final Scheduler timer;
    private final Logger log = LoggerFactory.getLogger(getClass());
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong failingInARow = new AtomicLong();
    private volatile Disposable loop;
    private volatile boolean running;

    /** {@code name} heads the log lines of failed runs ("Audit purge failed: ...") and tags the metric. */
    protected PeriodicJob(String name) {
        this(name, Schedulers.parallel());
    }

    PeriodicJob(String name, Scheduler timer) {
        this.name = name;
        this.timer = timer;
    }

    /** When to run; asked once at each start. */
    protected abstract Schedule schedule();

    /** One run; its value is ignored. */
    protected abstract Mono<?> runOnce();

    /** Once at start, before the first tick (also when the schedule is idle); a failure is logged. */
    protected Mono<?> onStart() {
        return Mono.empty();
    }

    /** Once at stop, after the last run was cancelled (e.g. writing what is buffered). */
    protected Mono<?> onStop() {
        return Mono.empty();
    }

    /** How many runs (and start or stop hooks) failed so far: the metric {@code kb.job.failures}. */
    public long failures() {
        return failures.get();
    }

    @Override
    public void start() {
        Schedule s = schedule();
        Mono<Void> first = guarded(this::onStart, " at start");
        Supplier<Mono<?>> once =
                s.blocking() ? () -> Mono.defer(this::runOnce).subscribeOn(Schedulers.boundedElastic()) : this::runOnce;
        // prefetch 0: the next tick is requested only when a run is done, ticks meanwhile are dropped
        Flux<Void> runs = s.idle()
                ? Flux.empty()
                : Flux.interval(s.initialDelay(), s.period(), timer)
                        .onBackpressureDrop()
                        .concatMap(t -> guarded(once, ""), 0);
        loop = first.thenMany(runs).subscribe();
        running = true;
    }

    /** Runs {@code work}, turning its failure into a log line and a count; repeats in a row are logged at debug. */
    private Mono<Void> guarded(Supplier<Mono<?>> work, String phase) {
        return Mono.defer(work).then().doOnSuccess(v -> failingInARow.set(0)).onErrorResume(e -> {
            failures.incrementAndGet();
            if (failingInARow.getAndIncrement() == 0) {
                log.warn("{}{} failed: {}", name, phase, e.toString());
            } else {
                log.debug("{}{} failed again: {}", name, phase, e.toString());
            }
            return Mono.empty();
        });
    }

    @Override
    public void stop(Runnable callback) {
        Disposable l = loop;
        loop = null;
        running = false;
        if (l != null) {
            l.dispose();
        }
        guarded(this::onStop, " at stop").timeout(STOP_WITHIN).subscribe(null, e -> callback.run(), callback);
    }

    @Override
    public void stop() {
        stop(() -> {});
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("kb.job.failures", failures, AtomicLong::get)
                .description("Runs of a periodic job that failed")
                .tag("job", name)
                .register(registry);
    }
}
