package org.kbportal.backend.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/** A caller that cancels (a client hanging up during a publish) must not interrupt an index write. */
class IndexIoCancellationTest {

    @Test
    void cancellingTheCallerLetsTheWriteFinishUninterrupted() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        Disposable caller = IndexIo.run(() -> {
                    started.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                    }
                    finished.countDown();
                })
                .subscribe();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        caller.dispose();
        Thread.sleep(200);
        release.countDown();
        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(interrupted).isFalse();
    }

    @Test
    void resultsAndFailuresStillReachTheCaller() {
        assertThat(IndexIo.call(() -> 42).block(Duration.ofSeconds(10))).isEqualTo(42);
        assertThat(IndexIo.call(() -> null).blockOptional(Duration.ofSeconds(10)))
                .isEmpty();
        Mono<Object> failing = IndexIo.call(() -> {
            throw new java.io.IOException("disk full");
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> failing.block(Duration.ofSeconds(10)))
                .hasMessageContaining("disk full");
    }
}
