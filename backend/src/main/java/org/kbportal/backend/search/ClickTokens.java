package org.kbportal.backend.search;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
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

    private final DatabaseClient db;
    private final AtomicReference<byte[]> key = new AtomicReference<>();

    ClickTokens(DatabaseClient db) {
        this.db = db;
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
        byte[] known = key.get();
        if (known != null) {
            return Mono.just(known);
        }
        return read().switchIfEmpty(Mono.defer(this::create)).map(secret -> {
            byte[] k = Base64.getDecoder().decode(secret);
            key.compareAndSet(null, k);
            return key.get();
        });
    }

    private Mono<String> read() {
        return db.sql("SELECT secret FROM installation_secret WHERE name = :n")
                .bind("n", NAME)
                .map(r -> r.get("secret", String.class))
                .one();
    }

    /** A new random secret; when another instance was quicker, theirs. */
    private Mono<String> create() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getEncoder().encodeToString(random);
        return db.sql("INSERT INTO installation_secret (name, secret) VALUES (:n, :s)")
                .bind("n", NAME)
                .bind("s", secret)
                .then()
                .thenReturn(secret)
                .onErrorResume(DataIntegrityViolationException.class, e -> read());
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
