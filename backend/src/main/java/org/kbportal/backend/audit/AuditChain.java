package org.kbportal.backend.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.kbportal.backend.system.CryptoProperties;
import org.kbportal.backend.system.CryptoSuite;
import org.kbportal.backend.system.InstallationSecret;
import org.kbportal.contract.audit.AuditEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The hash chain over {@code audit_event}. Every event gets {@code chain_hash} = MAC(previous event's
 * chain_hash, id, time, actor, action, target, address) and {@code outcome_mac} = MAC(id, status, details),
 * the MAC of {@code kb.crypto.suite} (its name stored in front) under {@code kb.audit.chain-key} or a key
 * derived from the installation secret. Appends lock the one {@code audit_chain} row ({@code SELECT ... FOR
 * UPDATE}) in their transaction, so writers on any instance extend one chain. Events written before the
 * chain existed (and a restore's own record) are {@code pending_until}: chained, in order, by the next
 * append or at start-up. The purge removes a prefix of the chain and keeps the hash of its last event as the
 * anchor the rest verifies from. See {@link AuditVerifier} for the check.
 */
@Component
class AuditChain {

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final InstallationSecret secrets;
    private final AuditChainProperties settings;
    private final CryptoSuite suite;

    AuditChain(
            DatabaseClient db,
            TransactionalOperator tx,
            InstallationSecret secrets,
            AuditChainProperties settings,
            CryptoProperties crypto) {
        this.db = db;
        this.tx = tx;
        this.secrets = secrets;
        this.settings = settings;
        this.suite = crypto.suite();
    }

    /** The anchor row: tip of the chain, hash of the last purged event, events still to chain. */
    record Anchor(long tipId, String tipHash, long anchorId, String anchorHash, long pendingUntil) {}

    /** The fields a chain hash covers, as read back from the table. */
    record Row(
            long id,
            Instant at,
            String actor,
            String action,
            String target,
            Integer status,
            String details,
            String ip,
            String chainHash,
            String outcomeMac) {}

    Mono<byte[]> key() {
        String configured = settings.chainKey();
        return configured != null && !configured.isBlank()
                ? Mono.just(configured.getBytes(StandardCharsets.UTF_8))
                : secrets.key("audit-chain");
    }

    /** The time as stored: microseconds, as both databases keep it. */
    static Instant stored(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    /** Inserts {@code e} at the end of the chain; the new event's id. */
    Mono<Long> append(AuditEvent e) {
        return key().flatMap(k -> lockAnchor()
                .flatMap(a -> sealPending(k, a))
                .flatMap(a -> insert(e).flatMap(id -> {
                    String hash = chainHash(
                            suite, k, a.tipHash(), id, e.occurredAt(), e.actor(), e.action(), e.target(), e.clientIp());
                    String outcome = outcomeMac(suite, k, id, e.status(), e.details());
                    return db.sql("UPDATE audit_event SET chain_hash = :h, outcome_mac = :o WHERE id = :id")
                            .bind("h", hash)
                            .bind("o", outcome)
                            .bind("id", id)
                            .then()
                            .then(moveTip(id, hash))
                            .thenReturn(id);
                }))
                .as(tx::transactional));
    }

    /** Chains the pending events (from before the chain, or a restore's record), if any; at start-up. */
    Mono<Long> sealPending() {
        return key().flatMap(k -> lockAnchor()
                .flatMap(a -> sealPending(k, a).map(after -> after.tipId() == a.tipId() ? 0L : countChained(a, after)))
                .as(tx::transactional));
    }

    private static long countChained(Anchor before, Anchor after) {
        return after.tipId() - before.tipId(); // an upper bound (ids may have gaps); only reported
    }

    /** Fills in an event's outcome (once, while its status is empty) with its MAC. */
    Mono<Void> complete(long id, int status, String details) {
        return key().flatMap(k -> db.sql("SELECT details FROM audit_event WHERE id = :id AND status IS NULL")
                .bind("id", id)
                .map(r -> java.util.Optional.ofNullable(r.get("details", String.class)))
                .one()
                .flatMap(old -> {
                    String finalDetails = details != null ? details : old.orElse(null);
                    var spec = db.sql("UPDATE audit_event SET status = :status, details = :details, outcome_mac = :o"
                                    + " WHERE id = :id AND status IS NULL")
                            .bind("status", status)
                            .bind("o", outcomeMac(suite, k, id, status, finalDetails))
                            .bind("id", id);
                    spec = finalDetails == null
                            ? spec.bindNull("details", String.class)
                            : spec.bind("details", finalDetails);
                    return spec.then();
                }));
    }

    /**
     * Deletes the oldest events up to the last one before {@code cutoff} that has no younger event before it
     * in the chain, and keeps that event's hash as the anchor; how many were deleted.
     */
    Mono<Long> purgeBefore(Instant cutoff) {
        OffsetDateTime at = cutoff.atOffset(ZoneOffset.UTC);
        return key().flatMap(k -> lockAnchor()
                .flatMap(a -> sealPending(k, a))
                .flatMap(a -> db.sql("SELECT MAX(id) AS last FROM audit_event WHERE id > :anchor AND id <"
                                + " COALESCE((SELECT MIN(id) FROM audit_event WHERE occurred_at >= :cutoff), :beyond)")
                        .bind("anchor", a.anchorId())
                        .bind("cutoff", at)
                        .bind("beyond", Long.MAX_VALUE)
                        .map(r -> java.util.Optional.ofNullable(r.get("last", Long.class)))
                        .one()
                        .flatMap(last -> last.isEmpty()
                                ? Mono.just(0L)
                                : db.sql("SELECT chain_hash FROM audit_event WHERE id = :id")
                                        .bind("id", last.get())
                                        .map(r -> java.util.Optional.ofNullable(r.get("chain_hash", String.class)))
                                        .one()
                                        .flatMap(hash -> db.sql("DELETE FROM audit_event WHERE id <= :id")
                                                .bind("id", last.get())
                                                .fetch()
                                                .rowsUpdated()
                                                .flatMap(n -> db.sql("UPDATE audit_chain SET anchor_id = :id,"
                                                                + " anchor_hash = :h WHERE id = 1")
                                                        .bind("id", last.get())
                                                        .bind("h", hash.orElse(""))
                                                        .then()
                                                        .thenReturn(n)))))
                .as(tx::transactional));
    }

    /** The anchor row without locking it (for the verification). */
    Mono<Anchor> anchor() {
        return db.sql("SELECT tip_id, tip_hash, anchor_id, anchor_hash, pending_until FROM audit_chain WHERE id = 1")
                .map(AuditChain::anchorOf)
                .one();
    }

    private Mono<Anchor> lockAnchor() {
        return db.sql("SELECT tip_id, tip_hash, anchor_id, anchor_hash, pending_until FROM audit_chain WHERE id = 1"
                        + " FOR UPDATE")
                .map(AuditChain::anchorOf)
                .one();
    }

    private static Anchor anchorOf(io.r2dbc.spi.Readable r) {
        return new Anchor(
                ((Number) r.get("tip_id")).longValue(),
                r.get("tip_hash", String.class),
                ((Number) r.get("anchor_id")).longValue(),
                r.get("anchor_hash", String.class),
                ((Number) r.get("pending_until")).longValue());
    }

    /** Chains the events after the tip up to {@code pending_until}, oldest first; the anchor after. */
    private Mono<Anchor> sealPending(byte[] k, Anchor a) {
        if (a.pendingUntil() <= a.tipId()) {
            return Mono.just(a);
        }
        return db.sql(
                        "SELECT id, occurred_at, actor, action, target, status, details, client_ip, chain_hash, outcome_mac"
                                + " FROM audit_event WHERE id > :tip AND id <= :until ORDER BY id")
                .bind("tip", a.tipId())
                .bind("until", a.pendingUntil())
                .map(AuditChain::rowOf)
                .all()
                .collectList()
                .flatMap(rows -> {
                    String prev = a.tipHash();
                    long tip = a.tipId();
                    Mono<Void> writes = Mono.empty();
                    for (Row r : rows) {
                        String hash =
                                chainHash(suite, k, prev, r.id(), r.at(), r.actor(), r.action(), r.target(), r.ip());
                        String outcome = outcomeMac(suite, k, r.id(), r.status(), r.details());
                        writes = writes.then(
                                db.sql("UPDATE audit_event SET chain_hash = :h, outcome_mac = :o WHERE id = :id")
                                        .bind("h", hash)
                                        .bind("o", outcome)
                                        .bind("id", r.id())
                                        .then());
                        prev = hash;
                        tip = r.id();
                    }
                    Anchor after = new Anchor(tip, prev, a.anchorId(), a.anchorHash(), 0);
                    return writes.then(db.sql("UPDATE audit_chain SET tip_id = :t, tip_hash = :h, pending_until = 0"
                                            + " WHERE id = 1")
                                    .bind("t", after.tipId())
                                    .bind("h", after.tipHash())
                                    .then())
                            .thenReturn(after);
                });
    }

    private Mono<Void> moveTip(long id, String hash) {
        return db.sql("UPDATE audit_chain SET tip_id = :t, tip_hash = :h WHERE id = 1")
                .bind("t", id)
                .bind("h", hash)
                .then();
    }

    private Mono<Long> insert(AuditEvent e) {
        var spec = db.sql("INSERT INTO audit_event (occurred_at, actor, action, target, status, details, client_ip)"
                        + " VALUES (:at, :actor, :action, :target, :status, :details, :ip)")
                .bind("at", e.occurredAt().atOffset(ZoneOffset.UTC))
                .bind("action", e.action());
        spec = e.actor() == null ? spec.bindNull("actor", String.class) : spec.bind("actor", e.actor());
        spec = e.target() == null ? spec.bindNull("target", String.class) : spec.bind("target", e.target());
        spec = e.status() == null ? spec.bindNull("status", Integer.class) : spec.bind("status", e.status());
        spec = e.details() == null ? spec.bindNull("details", String.class) : spec.bind("details", e.details());
        spec = e.clientIp() == null ? spec.bindNull("ip", String.class) : spec.bind("ip", e.clientIp());
        return spec.filter(s -> s.returnGeneratedValues("id"))
                .map(r -> ((Number) r.get(0)).longValue())
                .one();
    }

    static Row rowOf(io.r2dbc.spi.Readable r) {
        return new Row(
                ((Number) r.get("id")).longValue(),
                r.get("occurred_at", OffsetDateTime.class).toInstant(),
                r.get("actor", String.class),
                r.get("action", String.class),
                r.get("target", String.class),
                r.get("status") == null ? null : ((Number) r.get("status")).intValue(),
                r.get("details", String.class),
                r.get("client_ip", String.class),
                r.get("chain_hash", String.class),
                r.get("outcome_mac", String.class));
    }

    /** Whether {@code r}'s stored hashes are those of its content after {@code prev}. */
    static boolean holds(byte[] k, String prev, Row r) {
        CryptoSuite chainSuite = suiteOf(r.chainHash());
        CryptoSuite outcomeSuite = suiteOf(r.outcomeMac());
        return chainSuite != null
                && outcomeSuite != null
                && equal(
                        r.chainHash(),
                        chainHash(chainSuite, k, prev, r.id(), r.at(), r.actor(), r.action(), r.target(), r.ip()))
                && equal(r.outcomeMac(), outcomeMac(outcomeSuite, k, r.id(), r.status(), r.details()));
    }

    private static CryptoSuite suiteOf(String stored) {
        if (stored == null) {
            return null;
        }
        int colon = stored.indexOf(':');
        return colon < 0 ? null : CryptoSuite.byId(stored.substring(0, colon));
    }

    private static boolean equal(String a, String b) {
        return java.security.MessageDigest.isEqual(
                a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    static String chainHash(
            CryptoSuite s,
            byte[] k,
            String prev,
            long id,
            Instant at,
            String actor,
            String action,
            String target,
            String ip) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, stored(at));
        return mac(s, k, "chain", prev, Long.toString(id), Long.toString(micros), actor, action, target, ip);
    }

    static String outcomeMac(CryptoSuite s, byte[] k, long id, Integer status, String details) {
        return mac(s, k, "outcome", Long.toString(id), status == null ? null : status.toString(), details);
    }

    /** MAC over the fields, each written with its length (null: -1), so no two field lists read alike. */
    private static String mac(CryptoSuite s, byte[] k, String... fields) {
        StringBuilder b = new StringBuilder();
        for (String f : fields) {
            if (f == null) {
                b.append("-1:");
            } else {
                b.append(f.length()).append(':').append(f);
            }
            b.append('\n');
        }
        return s.id() + ":" + HexFormat.of().formatHex(s.mac(k, b.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
