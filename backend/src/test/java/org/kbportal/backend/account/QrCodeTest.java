package org.kbportal.backend.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Codes of texts of several lengths (versions 1 to 10, one and several blocks) read back by ZXing. */
class QrCodeTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "12345",
                "otpauth://totp/KB%20Portal:admin?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=KB%20Portal"
                        + "&algorithm=SHA1&digits=6&period=30",
                "otpauth://totp/KB%20Portal:%E5%BC%A0%E4%B8%89?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=KB%20"
                        + "Portal&algorithm=SHA1&digits=6&period=30&x=0123456789012345678901234567890123456789012345"
            })
    void shouldBeReadBackByAnIndependentDecoder(String text) throws Exception {
        QrCode qr = QrCode.encode(text);
        assertThat(decode(qr)).isEqualTo(text);
    }

    private static String decode(QrCode qr) throws Exception {
        int scale = 4;
        int n = (qr.size + 8) * scale;
        int[] pixels = new int[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int mx = x / scale - 4;
                int my = y / scale - 4;
                boolean dark = mx >= 0 && my >= 0 && mx < qr.size && my < qr.size && qr.modules[my][mx];
                pixels[y * n + x] = dark ? 0xff000000 : 0xffffffff;
            }
        }
        LuminanceSource source = new RGBLuminanceSource(n, n, pixels);
        return new QRCodeReader()
                .decode(
                        new BinaryBitmap(new HybridBinarizer(source)),
                        Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                .getText();
    }
}
