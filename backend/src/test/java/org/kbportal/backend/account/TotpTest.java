package org.kbportal.backend.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6238 Appendix B (the SHA-1 rows) and the window and Base32 around it. */
class TotpTest {

    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130"
    })
    void shouldMakeTheCodesOfRfc6238AppendixB(long time, String expected) {
        assertThat(Totp.code(SEED, Totp.step(time), 8)).isEqualTo(expected);
    }

    @Test
    void shouldAcceptACodeOneStepEitherSideButNotTwo() {
        long now = 1_700_000_000L;
        String code = Totp.code(SEED, Totp.step(now), 6);
        assertThat(Totp.matchingStep(SEED, code, now)).isEqualTo(Totp.step(now));
        assertThat(Totp.matchingStep(SEED, code, now + 30)).isEqualTo(Totp.step(now));
        assertThat(Totp.matchingStep(SEED, code, now - 30)).isEqualTo(Totp.step(now));
        assertThat(Totp.matchingStep(SEED, code, now + 60)).isEqualTo(-1);
        assertThat(Totp.matchingStep(SEED, "12345", now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(SEED, "abcdef", now)).isEqualTo(-1);
    }

    @Test
    void shouldWriteAndReadBase32AsRfc4648Says() {
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Totp.base32(SEED)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.fromBase32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq")).isEqualTo(SEED);
    }
}
