package org.kbportal.backend.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordHashingTest {

    private final PasswordEncoder encoder = PasswordHashing.encoder();

    /** 30 Chinese characters: 90 bytes in UTF-8, past bcrypt's 72. */
    private static final String LONG = "知识库门户的密码可以很长很长很长很长很长很长很长很长很长很长很长";

    @Test
    void shouldHashAndVerifyPasswordsLongerThanBcryptReads() {
        assertThat(LONG.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(72);
        String hash = encoder.encode(LONG);

        assertThat(hash).startsWith("{bcrypt-sha256}$2");
        assertThat(encoder.matches(LONG, hash)).isTrue();
        // every byte counts: a password differing only after the 72nd byte does not match
        assertThat(encoder.matches(LONG.substring(0, LONG.length() - 1) + "短", hash))
                .isFalse();
    }

    @Test
    void shouldKeepVerifyingHashesWrittenBefore() {
        String old = "{bcrypt}" + new BCryptPasswordEncoder().encode("admin-demo-2026");

        assertThat(encoder.matches("admin-demo-2026", old)).isTrue();
        assertThat(encoder.matches("wrong", old)).isFalse();
        // longer than 72 bytes against an old hash: no match, no exception
        assertThat(encoder.matches(LONG, old)).isFalse();
    }
}
