package org.kbportal.backend.channel;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Encrypts channel secrets (robot signing secrets, webhook keys, SMS gateway keys) with AES-256-GCM under
 * a key of the installation ({@code installation_secret} row {@code channel-secrets}, made on first use
 * and shared by every instance), so a copy of the channel table alone does not give them away.
 */
@Component
class ChannelSecrets {

    private static final String NAME = "channel-secrets";
    private static final String PREFIX = "v1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DatabaseClient db;
    private final AtomicReference<byte[]> key = new AtomicReference<>();

    ChannelSecrets(DatabaseClient db) {
        this.db = db;
    }

    Mono<String> encrypt(String plain) {
        return key().map(k -> {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            byte[] ct = crypt(Cipher.ENCRYPT_MODE, k, iv, plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(iv.length + ct.length)
                                    .put(iv)
                                    .put(ct)
                                    .array());
        });
    }

    Mono<String> decrypt(String stored) {
        if (stored == null || stored.isEmpty()) {
            return Mono.empty();
        }
        return key().map(k -> {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            byte[] iv = java.util.Arrays.copyOfRange(all, 0, 12);
            byte[] ct = java.util.Arrays.copyOfRange(all, 12, all.length);
            return new String(crypt(Cipher.DECRYPT_MODE, k, iv, ct), StandardCharsets.UTF_8);
        });
    }

    private static byte[] crypt(int mode, byte[] key, byte[] iv, byte[] data) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            return c.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "channel secret could not be " + (mode == Cipher.ENCRYPT_MODE ? "encrypted" : "decrypted"), e);
        }
    }

    private Mono<byte[]> key() {
        byte[] known = key.get();
        if (known != null) {
            return Mono.just(known);
        }
        return read().switchIfEmpty(Mono.defer(this::create)).map(secret -> {
            key.compareAndSet(null, Base64.getDecoder().decode(secret));
            return key.get();
        });
    }

    private Mono<String> read() {
        return db.sql("SELECT secret FROM installation_secret WHERE name = :n")
                .bind("n", NAME)
                .map(r -> r.get("secret", String.class))
                .one();
    }

    /** A new random key; when another instance was quicker, theirs. */
    private Mono<String> create() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = Base64.getEncoder().encodeToString(random);
        return db.sql("INSERT INTO installation_secret (name, secret) VALUES (:n, :s)")
                .bind("n", NAME)
                .bind("s", secret)
                .then()
                .thenReturn(secret)
                .onErrorResume(DataIntegrityViolationException.class, e -> read());
    }
}
