package org.kbportal.backend.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kbportal.backend.system.KbException;
import org.kbportal.backend.system.KbProperties;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class PasswordChecksTest {

    /** A check that takes 300 ms, so that overlapping checks are certain. */
    private static final PasswordEncoder SLOW = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return "hash:" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return encoded.equals("hash:" + raw);
        }
    };

    @Test
    void shouldAnswerBusyWhenMoreChecksWaitThanAllowed() {
        PasswordChecks checks = new PasswordChecks(SLOW, props(2, Duration.ofMillis(50)));

        List<String> outcomes = Flux.range(0, 4)
                .flatMap(i -> checks.matches("pw", "hash:pw")
                        .map(ok -> "checked")
                        .onErrorResume(
                                KbException.class,
                                e -> Mono.just(
                                        e.status().value() + " " + e.headers().get("Retry-After"))))
                .collectList()
                .block(Duration.ofSeconds(10));

        assertThat(outcomes).containsExactlyInAnyOrder("checked", "checked", "503 1", "503 1");
    }

    @Test
    void shouldCheckUnknownUsersAgainstADummyHashAndRefuseThem() {
        PasswordChecks checks = new PasswordChecks(SLOW, props(2, Duration.ofSeconds(1)));

        long t0 = System.nanoTime();
        Boolean ok = checks.matches("no user has this password", null).block(Duration.ofSeconds(5));

        assertThat(ok).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    private static KbProperties props(int permits, Duration wait) {
        return new KbProperties(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                new KbProperties.Login(
                        10,
                        3,
                        Duration.ofSeconds(1),
                        Duration.ofMinutes(15),
                        Duration.ofMinutes(15),
                        50,
                        permits,
                        wait));
    }
}
