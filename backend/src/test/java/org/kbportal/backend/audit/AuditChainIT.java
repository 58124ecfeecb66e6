package org.kbportal.backend.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kbportal.backend.testing.BackendServer;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The audit log is tamper-evident: an event changed, deleted or inserted with SQL straight in the
 * database (past the application), and a cut-off end, is found by {@code GET /api/audit/verify} with the
 * right {@code firstBroken}; undoing the change makes it intact again; the purge keeps the rest verifiable
 * from its anchor; events written outside the chain by a restore are chained at the next check. H2 and
 * HMAC-SHA256 here, PostgreSQL and HMAC-SM3 in {@link AuditChainPostgresIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditChainIT {

    BackendServer server;
    WebTestClient http;
    String admin;

    @BeforeAll
    void start() throws Exception {
        server = startServer(Map.of("kb.seed.index-data", "false", "kb.search.embeddings", "false"));
        http = server.client();
        admin = server.login("auditor", "auditor-demo-2026");
        server.login("user", "user-demo-2026");
        server.login("expert", "expert-demo-2026");
    }

    protected BackendServer startServer(Map<String, String> properties) throws Exception {
        return BackendServer.start(BackendServer.tempDataDir("kb-chain-it"), properties);
    }

    protected void afterServer() throws Exception {}

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        afterServer();
    }

    @Test
    void shouldFindEveryChangeDeletionAndInsertionAndTheCutOffEnd() {
        assertThat(verify()).containsEntry("intact", true);
        List<Long> ids = ids();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(4);
        long middle = ids.get(ids.size() / 2);
        long next = ids.get(ids.size() / 2 + 1);

        // changed: details, then the actor
        Map<String, Object> original = row(middle);
        sql("UPDATE audit_event SET details = 'nothing happened' WHERE id = " + middle);
        assertThat(verify()).containsEntry("intact", false).containsEntry("firstBroken", middle);
        sql("UPDATE audit_event SET details = " + literal(original.get("details")) + " WHERE id = " + middle);
        assertThat(verify()).containsEntry("intact", true);
        sql("UPDATE audit_event SET actor = 'nobody' WHERE id = " + middle);
        assertThat(verify()).containsEntry("intact", false).containsEntry("firstBroken", middle);
        sql("UPDATE audit_event SET actor = " + literal(original.get("actor")) + " WHERE id = " + middle);
        assertThat(verify()).containsEntry("intact", true);

        // deleted: the link of the next event breaks
        sql("DELETE FROM audit_event WHERE id = " + middle);
        assertThat(verify()).containsEntry("intact", false).containsEntry("firstBroken", next);
        reinsert(original);
        assertThat(verify()).containsEntry("intact", true);

        // inserted, even with a copied hash
        long forged = insertForged(original);
        assertThat(verify()).containsEntry("intact", false).containsEntry("firstBroken", forged);
        sql("DELETE FROM audit_event WHERE id = " + forged);
        // the events recorded after it (the verifications) link past it
        assertThat(verify()).containsEntry("intact", true);

        // the end cut off: the recorded tip is missing
        long tip = tipId();
        Map<String, Object> last = row(tip);
        sql("DELETE FROM audit_event WHERE id = " + tip);
        assertThat(server.bean(AuditVerifier.class).verify().block(Duration.ofSeconds(30)))
                .isEqualTo(new AuditVerifier.Result(false, null, tip));
        reinsert(last);
        assertThat(verify()).containsEntry("intact", true);
    }

    @Test
    void shouldStayVerifiableFromTheAnchorAfterThePurge() {
        List<Long> ids = ids();
        long oldest = ids.get(0);
        long lastOld = ids.get(2);
        // three events become older than the retention (which itself breaks them) and are purged
        sql("UPDATE audit_event SET occurred_at = " + timestamp(Instant.now().minus(Duration.ofDays(400)))
                + " WHERE id <= " + lastOld);
        assertThat(verify()).containsEntry("intact", false).containsEntry("firstBroken", oldest);

        Long removed = server.bean(AuditLog.class).purge().block(Duration.ofSeconds(30));

        assertThat(removed).isEqualTo(ids.stream().filter(id -> id <= lastOld).count());
        assertThat(ids().get(0)).isGreaterThan(lastOld);
        assertThat(verify()).containsEntry("intact", true);
    }

    @Test
    void shouldChainARestoresRecordAtTheNextCheckButNotAnyOtherInsertedRow() {
        // what Restorer does after a restore: an event written by JDBC, marked to be chained
        sql("INSERT INTO audit_event (occurred_at, actor, action, target, status, details) VALUES ("
                + timestamp(Instant.now()) + ", 'admin', 'backups.restore', 'kb-backup.zip', 200, 'archive')");
        sql("UPDATE audit_chain SET pending_until = (SELECT MAX(id) FROM audit_event) WHERE id = 1");
        Map<String, Object> before = verify();
        assertThat(before).containsEntry("intact", true);
        long restored = ids().stream()
                .filter(id -> "backups.restore".equals(row(id).get("action")))
                .findFirst()
                .orElseThrow();
        assertThat(row(restored).get("chain_hash")).asString().startsWith(expectedSuite() + ":");
    }

    protected String expectedSuite() {
        return "hmac-sha256";
    }

    private Map<String, Object> verify() {
        return http
                .get()
                .uri("/api/audit/verify")
                .header("Authorization", "Bearer " + admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody()
                .entrySet()
                .stream()
                .collect(
                        LinkedHashMap::new,
                        (m, e) -> m.put(
                                e.getKey(), e.getValue() instanceof Number n ? (Object) n.longValue() : e.getValue()),
                        Map::putAll);
    }

    private List<Long> ids() {
        return db().sql("SELECT id FROM audit_event ORDER BY id")
                .map(r -> ((Number) r.get("id")).longValue())
                .all()
                .collectList()
                .block(Duration.ofSeconds(10));
    }

    private long tipId() {
        return db().sql("SELECT tip_id FROM audit_chain WHERE id = 1")
                .map(r -> ((Number) r.get("tip_id")).longValue())
                .one()
                .block(Duration.ofSeconds(10));
    }

    private Map<String, Object> row(long id) {
        return db().sql("SELECT id, occurred_at, actor, action, target, status, details, client_ip, chain_hash,"
                        + " outcome_mac FROM audit_event WHERE id = " + id)
                .fetch()
                .one()
                .block(Duration.ofSeconds(10));
    }

    /** Puts an event back exactly as it was (id and hashes included). */
    private void reinsert(Map<String, Object> r) {
        var spec = db().sql("INSERT INTO audit_event (id, occurred_at, actor, action, target, status, details,"
                        + " client_ip, chain_hash, outcome_mac) VALUES (:id, :at, :actor, :action, :target, :status,"
                        + " :details, :ip, :chain, :outcome)")
                .bind("id", r.get("id"))
                .bind("at", r.get("occurred_at"))
                .bind("action", r.get("action"))
                .bind("chain", r.get("chain_hash"))
                .bind("outcome", r.get("outcome_mac"));
        spec = bindOrNull(spec, "actor", r.get("actor"), String.class);
        spec = bindOrNull(spec, "target", r.get("target"), String.class);
        spec = bindOrNull(spec, "status", r.get("status"), Integer.class);
        spec = bindOrNull(spec, "details", r.get("details"), String.class);
        spec = bindOrNull(spec, "ip", r.get("client_ip"), String.class);
        spec.then().block(Duration.ofSeconds(10));
    }

    /** A made-up event that copies the hashes of a real one. */
    private long insertForged(Map<String, Object> copy) {
        sql("INSERT INTO audit_event (occurred_at, actor, action, status, chain_hash, outcome_mac) VALUES ("
                + timestamp(Instant.now()) + ", 'admin', 'users.create', 200, "
                + literal(copy.get("chain_hash")) + ", " + literal(copy.get("outcome_mac")) + ")");
        List<Long> ids = ids();
        return ids.get(ids.size() - 1);
    }

    private static DatabaseClient.GenericExecuteSpec bindOrNull(
            DatabaseClient.GenericExecuteSpec spec, String name, Object value, Class<?> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private static String literal(Object value) {
        return value == null ? "NULL" : "'" + value.toString().replace("'", "''") + "'";
    }

    private static String timestamp(Instant at) {
        return "TIMESTAMP WITH TIME ZONE '"
                + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
                        .format(at.atOffset(ZoneOffset.UTC))
                + "+00:00'";
    }

    private DatabaseClient db() {
        return server.bean(DatabaseClient.class);
    }

    private void sql(String statement) {
        db().sql(statement).then().block(Duration.ofSeconds(10));
    }
}
