package org.kbportal.backend.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Both suites against published test vectors. */
class CryptoSuiteTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void shouldHashAbcWithSm3AsTheStandardSays() {
        // GB/T 32905-2016 (SM3) example 1
        assertThat(HEX.formatHex(CryptoSuite.SM.digest("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void shouldComputeHmacSm3AsGmT0042Says() {
        // GM/T 0042-2015 Appendix D.3, first example
        byte[] key = HEX.parseHex("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");
        String text = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
        byte[] mac = CryptoSuite.SM.mac(key, (text + text).getBytes(StandardCharsets.US_ASCII));
        assertThat(HEX.formatHex(mac)).isEqualTo("ca05e144ed05d1857840d1f318a4a8669e559fc8391f414485bfdf7bb408963a");
    }

    @Test
    void shouldComputeHmacSha256AsRfc4231Says() {
        // RFC 4231 test case 2
        byte[] mac = CryptoSuite.STANDARD.mac(
                "Jefe".getBytes(StandardCharsets.US_ASCII),
                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));
        assertThat(HEX.formatHex(mac)).isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void shouldFindEachSuiteByTheNameStoredInFrontOfItsValues() {
        assertThat(CryptoSuite.byId("hmac-sm3")).isEqualTo(CryptoSuite.SM);
        assertThat(CryptoSuite.byId("hmac-sha256")).isEqualTo(CryptoSuite.STANDARD);
        assertThat(CryptoSuite.byId("md5")).isNull();
    }
}
