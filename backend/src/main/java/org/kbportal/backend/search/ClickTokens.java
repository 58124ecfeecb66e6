package org.kbportal.backend.search;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.kbportal.backend.system.InstallationSecret;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Binds a search's click report to whoever searched: the answer carries {@code clickToken} = HMAC-SHA256
 * of the log id and the caller (user name, else client address) under a secret of the installation
 * ({@code installation_secret}, made on first use and shared by every instance), and {@code POST
 * /api/search/clicks} needs it. So nobody can mark other people's searches as opened by guessing log ids.
 */
@Component
class ClickTokens {

    private static final String NAME = "click-token";

    private final InstallationSecret secrets;

    ClickTokens(InstallationSecret secrets) {
        this.secrets = secrets;
    }

    Mono<String> token(long logId, String caller) {
        return key().map(k -> sign(k, logId, caller));
    }

    Mono<Boolean> valid(long logId, String caller, String token) {
        if (token == null || token.isBlank()) {
            return Mono.just(false);
        }
        return key().map(k -> MessageDigest.isEqual(
                sign(k, logId, caller).getBytes(StandardCharsets.US_ASCII),
                token.strip().getBytes(StandardCharsets.US_ASCII)));
    }

    private Mono<byte[]> key() {
        return secrets.named(NAME);
    }

    private static String sign(byte[] key, long logId, String caller) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] tag = mac.doFinal((logId + "\n" + caller).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
