package org.kbportal.backend.channel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The vendors' signing rules, each exactly as documented; pure functions, tested with fixed inputs. */
final class Signatures {

    private Signatures() {}

    /**
     * DingTalk custom robot (加签): Base64(HmacSHA256(key = secret, data = timestamp + "\n" + secret)), the
     * timestamp in milliseconds; the caller URL-encodes it into {@code &timestamp=...&sign=...}.
     */
    static String dingTalk(long timestampMillis, String secret) {
        return base64(hmac(utf8(secret), utf8(timestampMillis + "\n" + secret)));
    }

    /**
     * Feishu/Lark custom bot (签名校验): Base64(HmacSHA256(key = timestamp + "\n" + secret, data = empty)),
     * the timestamp in seconds.
     */
    static String feishu(long timestampSeconds, String secret) {
        return base64(hmac(utf8(timestampSeconds + "\n" + secret), new byte[0]));
    }

    /**
     * Standard Webhooks: {@code v1,} + Base64(HmacSHA256(key = Base64-decoded part of {@code whsec_...},
     * data = id + "." + timestamp + "." + body)), the timestamp in seconds.
     */
    static String standardWebhook(String secret, String id, long timestampSeconds, String body) {
        return "v1," + base64(hmac(webhookKey(secret), utf8(id + "." + timestampSeconds + "." + body)));
    }

    /** The key bytes of a {@code whsec_<base64>} secret; throws IllegalArgumentException when malformed. */
    static byte[] webhookKey(String secret) {
        String b64 = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
        byte[] key = Base64.getDecoder().decode(b64);
        if (key.length < 24 || key.length > 64) {
            throw new IllegalArgumentException("a webhook secret holds 24 to 64 bytes");
        }
        return key;
    }

    /** An SMS gateway's optional signature: lower-case hex HmacSHA256(key = secret, data = body). */
    static String hexHmac(String secret, String body) {
        return java.util.HexFormat.of().formatHex(hmac(utf8(secret), utf8(body)));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String base64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
