package org.kbportal.backend.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

/** Published test vectors of the algorithms behind both suites. */
class CryptoSuiteTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void shouldEncryptTheSm4ExampleOfGbT32907() {
        byte[] key = HEX.parseHex("0123456789abcdeffedcba9876543210");
        BlockCipher sm4 = CryptoSuite.SM.blockCipher();
        sm4.init(true, new KeyParameter(key));
        byte[] out = new byte[16];
        sm4.processBlock(key, 0, out, 0);

        assertThat(HEX.formatHex(out)).isEqualTo("681edf34d206965e86b3e94f536e4246");
    }

    @Test
    void shouldHashTheSm3ExampleOfGbT32905() {
        assertThat(HEX.formatHex(CryptoSuite.SM.digest("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void shouldComputeHmacSha256OfRfc4231TestCase2() {
        byte[] mac = CryptoSuite.STANDARD.mac(
                "Jefe".getBytes(StandardCharsets.US_ASCII),
                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));

        assertThat(HEX.formatHex(mac)).isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void shouldComputeHmacSm3AsRfc2104DefinesIt() {
        byte[] key = "Jefe".getBytes(StandardCharsets.US_ASCII);
        byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
        byte[] ipad = new byte[64];
        byte[] opad = new byte[64];
        for (int i = 0; i < 64; i++) {
            byte k = i < key.length ? key[i] : 0;
            ipad[i] = (byte) (k ^ 0x36);
            opad[i] = (byte) (k ^ 0x5c);
        }
        byte[] inner = CryptoSuite.SM.digest(concat(ipad, data));
        byte[] expected = CryptoSuite.SM.digest(concat(opad, inner));

        assertThat(CryptoSuite.SM.mac(key, data)).isEqualTo(expected).hasSize(32);
    }

    @Test
    void shouldReadTheSettingAndRefuseAnUnknownSuite() {
        assertThat(CryptoSuite.of("")).isEqualTo(CryptoSuite.STANDARD);
        assertThat(CryptoSuite.of(" sm ")).isEqualTo(CryptoSuite.SM);
        assertThat(CryptoSuite.byMacName("HmacSM3")).isEqualTo(CryptoSuite.SM);
        assertThat(CryptoSuite.SM.derive(new byte[32], "x")).hasSize(16);
        assertThat(CryptoSuite.STANDARD.derive(new byte[32], "x")).hasSize(32);
        assertThatThrownBy(() -> CryptoSuite.of("DES")).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
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
    void shouldFindEachSuiteByTheNameStoredInFrontOfItsValues() {
        assertThat(CryptoSuite.byId("hmac-sm3")).isEqualTo(CryptoSuite.SM);
        assertThat(CryptoSuite.byId("hmac-sha256")).isEqualTo(CryptoSuite.STANDARD);
        assertThat(CryptoSuite.byId("md5")).isNull();
    }
}
