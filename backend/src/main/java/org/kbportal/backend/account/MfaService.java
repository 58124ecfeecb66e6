package org.kbportal.backend.account;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.kbportal.backend.system.InstallationSecret;
import org.kbportal.backend.system.KbException;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The second factor: TOTP ({@link Totp}) enrolment with a QR code, single-use recovery codes, the pending
 * second step of a login ({@code mfaToken}) and the reset by an administrator. The TOTP secret is stored
 * AES-256-GCM encrypted under a key derived from the installation secret (bound to the user's id); recovery
 * codes and mfaTokens only as SHA-256. An accepted code's time step is remembered, so a code cannot be
 * used twice.
 */
@Service
public class MfaService {

    static final Duration CHALLENGE_TTL = Duration.ofMinutes(5);
    static final int RECOVERY_CODES = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final InstallationSecret secrets;
    private final MfaProperties settings;
    private final Clock clock;

    MfaService(
            DatabaseClient db,
            TransactionalOperator tx,
            InstallationSecret secrets,
            MfaProperties settings,
            Clock clock) {
        this.db = db;
        this.tx = tx;
        this.secrets = secrets;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether the user has a confirmed second factor, and whether their roles require one. */
    public record Status(boolean enrolled, boolean required) {}

    /** A started enrolment: the secret for the app (Base32), as an otpauth URI and as a QR code image. */
    public record Enrolment(String secret, String otpauthUri, String qrCode) {}

    public Mono<Status> status(long userId, java.util.Collection<Role> roles) {
        return confirmed(userId).map(c -> new Status(c, settings.requiredFor(roles)));
    }

    /** Whether the user has confirmed a second factor. */
    Mono<Boolean> confirmed(long userId) {
        return db.sql("SELECT COUNT(*) AS n FROM user_mfa WHERE user_id = :u AND confirmed_at IS NOT NULL")
                .bind("u", userId)
                .map(r -> ((Number) r.get("n")).longValue() > 0)
                .one();
    }

    /** Whether this caller may only enrol: a required role and no confirmed second factor. */
    Mono<Boolean> enrolmentRequired(KbPrincipal p) {
        return settings.requiredFor(p.roles()) ? confirmed(p.userId()).map(c -> !c) : Mono.just(false);
    }

    /** Starts (or restarts) an enrolment; 409 when the user already has a confirmed second factor. */
    public Mono<Enrolment> enrol(long userId, String username) {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        return confirmed(userId)
                .flatMap(c -> c
                        ? Mono.error(new KbException(
                                HttpStatus.CONFLICT,
                                "mfa-already-enrolled",
                                "Second factor already set up",
                                "This account already has a second factor; an administrator can reset it."))
                        : encrypt(userId, secret))
                .flatMap(stored -> db.sql("DELETE FROM user_mfa WHERE user_id = :u")
                        .bind("u", userId)
                        .then()
                        .then(db.sql("INSERT INTO user_mfa (user_id, secret, last_step) VALUES (:u, :s, 0)")
                                .bind("u", userId)
                                .bind("s", stored)
                                .then())
                        .as(tx::transactional))
                .then(Mono.fromCallable(() -> {
                    String base32 = Totp.base32(secret);
                    String uri = otpauthUri(settings.issuer(), username, base32);
                    return new Enrolment(base32, uri, QrCode.svgDataUri(uri));
                }));
    }

    static String otpauthUri(String issuer, String username, String base32) {
        String i = URLEncoder.encode(issuer, StandardCharsets.UTF_8).replace("+", "%20");
        String u = URLEncoder.encode(username, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + i + ":" + u + "?secret=" + base32 + "&issuer=" + i + "&algorithm=SHA1&digits="
                + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
    }

    /**
     * Confirms an enrolment with a code from the app; the new recovery codes (shown once). 400 {@code
     * urn:kb:mfa-code-invalid} for a wrong code, 409 when no enrolment was started.
     */
    public Mono<List<String>> confirm(long userId, String code) {
        return db.sql("SELECT secret FROM user_mfa WHERE user_id = :u AND confirmed_at IS NULL")
                .bind("u", userId)
                .map(r -> r.get("secret", String.class))
                .one()
                .switchIfEmpty(Mono.error(new KbException(
                        HttpStatus.CONFLICT,
                        "mfa-not-started",
                        "No enrolment started",
                        "Start with POST /api/auth/mfa/enrol (or the second factor is already set up).")))
                .flatMap(stored -> decrypt(userId, stored))
                .flatMap(secret -> {
                    long step = Totp.matchingStep(secret, code, clock.instant().getEpochSecond());
                    if (step < 0) {
                        return Mono.error(invalidCode());
                    }
                    List<String> codes = new ArrayList<>();
                    for (int i = 0; i < RECOVERY_CODES; i++) {
                        codes.add(recoveryCode());
                    }
                    Mono<Void> store = db.sql(
                                    "UPDATE user_mfa SET confirmed_at = :now, last_step = :s WHERE user_id = :u")
                            .bind("now", now())
                            .bind("s", step)
                            .bind("u", userId)
                            .then()
                            .then(db.sql("DELETE FROM mfa_recovery_code WHERE user_id = :u")
                                    .bind("u", userId)
                                    .then())
                            .then(Flux.fromIterable(codes)
                                    .concatMap(c -> db.sql(
                                                    "INSERT INTO mfa_recovery_code (user_id, code_hash) VALUES (:u, :h)")
                                            .bind("u", userId)
                                            .bind("h", AccountService.hash(normalise(c)))
                                            .then())
                                    .then());
                    return store.as(tx::transactional).thenReturn(codes);
                });
    }

    /** A new pending second step for a user with a confirmed factor (the mfaToken); empty otherwise. */
    Mono<String> challenge(UserAccount user) {
        return confirmed(user.id()).filter(c -> c).flatMap(c -> {
            byte[] raw = new byte[32];
            RANDOM.nextBytes(raw);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            return db.sql("DELETE FROM mfa_challenge WHERE expires_at <= :now")
                    .bind("now", now())
                    .then()
                    .then(db.sql("INSERT INTO mfa_challenge (token_hash, user_id, expires_at) VALUES (:h, :u, :e)")
                            .bind("h", AccountService.hash(token))
                            .bind("u", user.id())
                            .bind("e", clock.instant().plus(CHALLENGE_TTL).atOffset(ZoneOffset.UTC))
                            .then())
                    .thenReturn(token);
        });
    }

    /** The user a pending, unexpired second step belongs to; 401 {@code urn:kb:mfa-token-invalid} otherwise. */
    Mono<Long> challengedUser(String token) {
        return db.sql("SELECT user_id FROM mfa_challenge WHERE token_hash = :h AND expires_at > :now")
                .bind("h", AccountService.hash(token == null ? "" : token.strip()))
                .bind("now", now())
                .map(r -> ((Number) r.get("user_id")).longValue())
                .one()
                .switchIfEmpty(
                        Mono.error(
                                new KbException(
                                        HttpStatus.UNAUTHORIZED,
                                        "mfa-token-invalid",
                                        "Sign in again",
                                        "The second step of this sign-in has expired or was already used; enter your password again.")));
    }

    /** Uses up a pending second step; false when another request was quicker. */
    Mono<Boolean> consume(String token) {
        return db.sql("DELETE FROM mfa_challenge WHERE token_hash = :h")
                .bind("h", AccountService.hash(token.strip()))
                .fetch()
                .rowsUpdated()
                .map(n -> n > 0);
    }

    /**
     * Whether {@code code} is the user's current TOTP code (not used before) or one of their unused recovery
     * codes, which it then uses up.
     */
    Mono<Boolean> check(long userId, String code) {
        String typed = code == null ? "" : code.strip().replace(" ", "");
        if (typed.matches("\\d{" + Totp.DIGITS + "}")) {
            return db.sql("SELECT secret FROM user_mfa WHERE user_id = :u AND confirmed_at IS NOT NULL")
                    .bind("u", userId)
                    .map(r -> r.get("secret", String.class))
                    .one()
                    .flatMap(stored -> decrypt(userId, stored))
                    .flatMap(secret -> {
                        long step =
                                Totp.matchingStep(secret, typed, clock.instant().getEpochSecond());
                        if (step < 0) {
                            return Mono.just(false);
                        }
                        // a step at or before the last accepted one is a replay
                        return db.sql("UPDATE user_mfa SET last_step = :s WHERE user_id = :u AND last_step < :s")
                                .bind("s", step)
                                .bind("u", userId)
                                .fetch()
                                .rowsUpdated()
                                .map(n -> n > 0);
                    })
                    .defaultIfEmpty(false);
        }
        return db.sql("UPDATE mfa_recovery_code SET used_at = :now"
                        + " WHERE user_id = :u AND code_hash = :h AND used_at IS NULL")
                .bind("now", now())
                .bind("u", userId)
                .bind("h", AccountService.hash(normalise(typed)))
                .fetch()
                .rowsUpdated()
                .map(n -> n > 0);
    }

    /** Removes the user's second factor, recovery codes and pending steps; false when there was none. */
    public Mono<Boolean> reset(long userId) {
        return db.sql("DELETE FROM mfa_recovery_code WHERE user_id = :u")
                .bind("u", userId)
                .then()
                .then(db.sql("DELETE FROM mfa_challenge WHERE user_id = :u")
                        .bind("u", userId)
                        .then())
                .then(db.sql("DELETE FROM user_mfa WHERE user_id = :u")
                        .bind("u", userId)
                        .fetch()
                        .rowsUpdated())
                .map(n -> n > 0)
                .as(tx::transactional);
    }

    static KbException invalidCode() {
        return KbException.badRequest("mfa-code-invalid", "The code is wrong or was already used.");
    }

    /** Ten Base32 characters as {@code xxxxx-xxxxx} (50 bits). */
    private static String recoveryCode() {
        byte[] raw = new byte[7];
        RANDOM.nextBytes(raw);
        String s = Totp.base32(raw).substring(0, 10).toLowerCase(Locale.ROOT);
        return s.substring(0, 5) + "-" + s.substring(5);
    }

    private static String normalise(String code) {
        return code.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private Mono<String> encrypt(long userId, byte[] secret) {
        return secrets.key("mfa-secret").map(k -> {
            try {
                byte[] iv = new byte[12];
                RANDOM.nextBytes(iv);
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(k, "AES"), new GCMParameterSpec(128, iv));
                c.updateAAD(ByteBuffer.allocate(8).putLong(userId).array());
                byte[] stored = c.doFinal(secret);
                return Base64.getEncoder()
                        .encodeToString(ByteBuffer.allocate(iv.length + stored.length)
                                .put(iv)
                                .put(stored)
                                .array());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM unavailable", e);
            }
        });
    }

    private Mono<byte[]> decrypt(long userId, String stored) {
        return secrets.key("mfa-secret").map(k -> {
            try {
                byte[] all = Base64.getDecoder().decode(stored);
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(k, "AES"), new GCMParameterSpec(128, all, 0, 12));
                c.updateAAD(ByteBuffer.allocate(8).putLong(userId).array());
                return c.doFinal(all, 12, all.length - 12);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("The stored second-factor secret cannot be decrypted", e);
            }
        });
    }
}
