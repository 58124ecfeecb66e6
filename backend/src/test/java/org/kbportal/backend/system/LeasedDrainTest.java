package org.kbportal.backend.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

class LeasedDrainTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);

    /** One outbox table shared by the instances: row id → lease owner. */
    final Map<Integer, String> leases = new ConcurrentHashMap<>();

    final List<String> attempts = new CopyOnWriteArrayList<>();

    final class Outbox extends LeasedDrain<Integer> {
        Outbox() {
            super("Test outbox drain", "test", CLOCK, 50, 4);
        }

        @Override
        protected Schedule schedule() {
            return Schedule.IDLE;
        }

        @Override
        protected Flux<Integer> due(Instant now, int limit) {
            return Flux.range(1, 30).filter(id -> !leases.containsKey(id)).take(limit);
        }

        @Override
        protected Mono<Boolean> lease(Integer row, String owner, Instant now) {
            return Mono.fromCallable(() -> leases.putIfAbsent(row, owner) == null)
                    .subscribeOn(Schedulers.boundedElastic());
        }

        @Override
        protected Mono<?> attempt(Integer row) {
            return Mono.fromRunnable(() -> attempts.add(row + " by " + owner()));
        }
    }

    @Test
    void shouldAttemptEachDueRowOnceWhenInstancesDrainTogether() {
        Outbox one = new Outbox();
        Outbox two = new Outbox();

        Mono.when(one.drainOnce(), two.drainOnce(), one.drainOnce()).block(Duration.ofSeconds(10));

        assertThat(one.owner()).startsWith("test-").isNotEqualTo(two.owner());
        assertThat(attempts).hasSize(30);
        assertThat(attempts.stream().map(a -> a.substring(0, a.indexOf(' '))))
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.rangeClosed(1, 30).mapToObj(String::valueOf).toList());
        assertThat(attempts).allSatisfy(a -> assertThat(a).endsWith(leases.get(Integer.valueOf(a.split(" ")[0]))));
    }

    @Test
    void shouldDoubleTheWaitUpToTheMaximumAndDeclareTheLastAttemptDead() {
        LeasedDrain.Retry retry = new LeasedDrain.Retry(4, Duration.ofSeconds(10), Duration.ofMinutes(1));

        assertThat(IntStream.rangeClosed(1, 5).mapToObj(retry::backoff))
                .containsExactly(
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(40),
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(1));
        assertThat(retry.backoff(1_000)).isEqualTo(Duration.ofMinutes(1));
        assertThat(retry.dead(3)).isFalse();
        assertThat(retry.dead(4)).isTrue();
    }
}
