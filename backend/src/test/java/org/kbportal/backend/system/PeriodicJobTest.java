package org.kbportal.backend.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

class PeriodicJobTest {

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final List<PeriodicJob> started = new ArrayList<>();

    /** A job on virtual time whose n-th run (from 1) is {@code run.apply(n)}. */
    private final class Job extends PeriodicJob {
        final Schedule schedule;
        final IntFunction<Mono<?>> run;
        final AtomicInteger runs = new AtomicInteger();
        final AtomicInteger busy = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final List<String> events = new ArrayList<>();

        Job(Schedule schedule, IntFunction<Mono<?>> run) {
            super("Test job", time);
            this.schedule = schedule;
            this.run = run;
        }

        @Override
        protected Schedule schedule() {
            return schedule;
        }

        @Override
        protected Mono<?> runOnce() {
            int n = runs.incrementAndGet();
            mostAtOnce.accumulateAndGet(busy.incrementAndGet(), Math::max);
            return run.apply(n).doFinally(s -> busy.decrementAndGet());
        }

        @Override
        protected Mono<?> onStart() {
            return Mono.fromRunnable(() -> events.add("start"));
        }

        @Override
        protected Mono<?> onStop() {
            return Mono.fromRunnable(() -> events.add("stop after " + runs.get() + " runs"));
        }

        Job begin() {
            start();
            started.add(this);
            return this;
        }
    }

    @AfterEach
    void stopAll() {
        started.forEach(PeriodicJob::stop);
        time.dispose();
    }

    private void advance(long seconds) {
        time.advanceTimeBy(Duration.ofSeconds(seconds));
    }

    @Test
    void shouldRunAfterTheInitialDelayAndThenEveryPeriod() {
        Job job = new Job(
                        PeriodicJob.Schedule.every(Duration.ofSeconds(10)).after(Duration.ofSeconds(3)),
                        n -> Mono.empty())
                .begin();

        advance(2);
        assertThat(job.runs).hasValue(0);
        advance(1);
        assertThat(job.runs).hasValue(1);
        advance(30);
        assertThat(job.runs).hasValue(4);
        assertThat(job.events).containsExactly("start");
        assertThat(job.isRunning()).isTrue();
    }

    @Test
    void shouldNeverOverlapRunsAndDropTheTicksThatComeWhileOneIsBusy() {
        // each run takes 25 s, ticks every 10 s: runs at 10, 40, 70, 100 (the ticks at 20, 30, 50, ... are dropped)
        Job job = new Job(
                        PeriodicJob.Schedule.every(Duration.ofSeconds(10)),
                        n -> Mono.delay(Duration.ofSeconds(25), time))
                .begin();

        advance(99);
        assertThat(job.runs).hasValue(3);
        advance(1);
        assertThat(job.runs).hasValue(4);
        assertThat(job.mostAtOnce).hasValue(1);
    }

    @Test
    void shouldCountAFailedRunAndKeepRunning() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Job job = new Job(PeriodicJob.Schedule.every(Duration.ofSeconds(10)), n -> switch (n) {
                    case 1 -> Mono.error(new IllegalStateException("database down"));
                    case 2 -> throw new IllegalStateException("thrown, not signalled");
                    default -> Mono.just(n);
                })
                .begin();
        job.bindTo(registry);

        advance(40);

        assertThat(job.runs).hasValue(4);
        assertThat(job.failures()).isEqualTo(2);
        assertThat(registry.get("kb.job.failures")
                        .tag("job", "Test job")
                        .functionCounter()
                        .count())
                .isEqualTo(2.0);
    }

    @Test
    void shouldStopTicksCancelTheRunningRunAndThenRunTheStopHook() throws InterruptedException {
        AtomicInteger finished = new AtomicInteger();
        Job job = new Job(
                        PeriodicJob.Schedule.every(Duration.ofSeconds(10)),
                        n -> Mono.delay(Duration.ofSeconds(5), time).doOnNext(x -> finished.incrementAndGet()))
                .begin();
        advance(22); // run 1 done, run 2 busy since 20 s
        CountDownLatch stopped = new CountDownLatch(1);

        job.stop(stopped::countDown);

        assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
        advance(100);
        assertThat(job.runs).hasValue(2);
        assertThat(finished).hasValue(1);
        assertThat(job.events).containsExactly("start", "stop after 2 runs");
        assertThat(job.isRunning()).isFalse();
    }

    @Test
    void shouldRunOnlyTheStartHookWhenIdle() {
        Job job = new Job(PeriodicJob.Schedule.IDLE, n -> Mono.empty()).begin();

        advance(1_000_000);

        assertThat(job.runs).hasValue(0);
        assertThat(job.events).containsExactly("start");
        assertThat(job.isRunning()).isTrue();
    }

    @Test
    void shouldRunBlockingWorkOffTheTimerThread() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        new Job(
                        PeriodicJob.Schedule.every(Duration.ofSeconds(1)).blockingWork(),
                        n -> Mono.fromRunnable(() -> {
                            threads.add(Thread.currentThread().getName());
                            ran.countDown();
                        }))
                .begin();

        advance(1);

        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(threads.getFirst()).startsWith("boundedElastic");
    }
}
