package org.kbportal.backend.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IndexOutboxDrainTest {

    @Test
    void shouldWaitOneSecondThenDoubleUpToFiveMinutesAndNeverGiveUp() {
        assertThat(IntStream.of(1, 2, 3, 9, 10, 50).mapToObj(IndexOutboxDrain.WAITS::backoff))
                .containsExactly(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(256),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(5));
        assertThat(IndexOutboxDrain.WAITS.dead(1_000_000)).isFalse();
    }
}
