package org.kbportal.backend.system;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keys derived from the installation's secret: one random 256-bit value in {@code installation_secret}
 * (made on first use, shared by every instance and carried by backups), and per purpose the
 * HMAC-SHA256 of the purpose's name under it, so a key given away for one use tells nothing about
 * another. Whoever can read the database can read the secret: where that matters (the audit chain),
 * the deployer supplies a key from outside instead.
 */
@Component
public class InstallationSecret {

    private static final String NAME = "installation";

    private final DatabaseClient db;
    private final Map<String, byte[]> derived = new ConcurrentHashMap<>();
    private final Map<String, byte[]> stored = new ConcurrentHashMap<>();

    InstallationSecret(DatabaseClient db) {
        this.db = db;
    }

    /** The key for {@code purpose} (e.g. {@code "audit-chain"}, {@code "mfa-secret"}), 32 bytes. */
    public Mono<byte[]> key(String purpose) {
        byte[] known = derived.get(purpose);
        if (known != null) {
            return Mono.just(known);
        }
        return named(NAME)
                .map(master -> derived.computeIfAbsent(
                        purpose, p -> CryptoSuite.STANDARD.mac(master, ("kb:" + p).getBytes(StandardCharsets.UTF_8))));
    }

    /**
     * The random secret stored under {@code name} (256 bits, made on first use; when instances race, the
     * first one's). For keys that predate the derivation (the click tokens' {@code "click-token"}).
     */
    public Mono<byte[]> named(String name) {
        byte[] known = stored.get(name);
        if (known != null) {
            return Mono.just(known);
        }
        return read(name)
                .switchIfEmpty(Mono.defer(() -> create(name)))
                .map(secret ->
                        stored.computeIfAbsent(name, n -> Base64.getDecoder().decode(secret)));
    }

    private Mono<String> read(String name) {
        return db.sql("SELECT secret FROM installation_secret WHERE name = :n")
                .bind("n", name)
                .map(r -> r.get("secret", String.class))
                .one();
    }

    /** A new random secret; when another instance was quicker, theirs. */
    private Mono<String> create(String name) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getEncoder().encodeToString(random);
        return db.sql("INSERT INTO installation_secret (name, secret) VALUES (:n, :s)")
                .bind("n", name)
                .bind("s", secret)
                .then()
                .thenReturn(secret)
                .onErrorResume(DataIntegrityViolationException.class, e -> read(name));
    }
}
