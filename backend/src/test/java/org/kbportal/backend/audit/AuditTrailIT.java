package org.kbportal.backend.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.h2.api.Trigger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kbportal.backend.testing.BackendServer;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The audit trail an investigator needs: every download of a stored file or an export is an event with
 * the caller and their address; service-level refusals (403, and 404s hiding an existing object) and
 * made-up tokens are recorded once per window and counted, so a flood leaves two rows, not thousands;
 * the purge records itself; and when the audit table cannot be written, audited actions are answered
 * {@code 503 urn:kb:audit-unavailable} and change nothing. H2 here (a trigger refuses inserts),
 * PostgreSQL in {@link AuditTrailPostgresIT}. Each test uses its own client address ({@code
 * X-Forwarded-For}; the test client is a trusted proxy).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailIT {

    static final Duration WINDOW = Duration.ofSeconds(2);

    BackendServer server;
    WebTestClient http;
    String admin;
    String secadmin;
    String auditor;
    String user;

    record Reply(int status, String body) {}

    @BeforeAll
    void start() throws Exception {
        server = startServer(Map.of(
                "kb.seed.index-data", "false",
                "kb.search.embeddings", "false",
                "kb.audit.refusal-window", WINDOW.toMillis() + "ms"));
        http = server.client();
        admin = server.login("admin", "admin-demo-2026");
        secadmin = server.login("secadmin", "secadmin-demo-2026");
        auditor = server.login("auditor", "auditor-demo-2026");
        user = server.login("user", "user-demo-2026");
    }

    protected BackendServer startServer(Map<String, String> properties) throws Exception {
        return BackendServer.start(BackendServer.tempDataDir("kb-audit-it"), properties);
    }

    protected void afterServer() throws Exception {}

    /** Makes every insert into audit_event fail (H2: a trigger that throws). */
    protected void breakAuditTable() {
        sqlStatement("CREATE TRIGGER audit_down BEFORE INSERT ON audit_event FOR EACH ROW CALL '"
                + RefuseInsert.class.getName() + "'");
    }

    protected void repairAuditTable() {
        sqlStatement("DROP TRIGGER audit_down");
    }

    /** An H2 trigger standing for a full disk or a revoked privilege. */
    public static class RefuseInsert implements Trigger {
        @Override
        public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
            throw new SQLException("audit table not writable (test)");
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        afterServer();
    }

    @Test
    void shouldRecordEveryDownloadAndExportWithTheCallerAndTheirAddress() {
        String from = "203.0.113.21";
        String manual = manual("审计手册.txt", "第一章 备份\n每周五轮换磁带。\n");
        Reply original = get("/api/articles/" + manual + "/file", admin, from);
        assertThat(original.status()).isEqualTo(200);
        assertThat(events("articles.file", from)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("actor", "admin").containsEntry("status", 200);
            assertThat(e.get("target")).isEqualTo(manual);
        });

        String fileId = attach(manual, "config.txt", "listen 8080\n");
        assertThat(get("/api/articles/" + manual + "/attachments/" + fileId, admin, from)
                        .status())
                .isEqualTo(200);
        assertThat(events("articles.attachments.download", from))
                .singleElement()
                .satisfies(e -> assertThat(e)
                        .containsEntry("actor", "admin")
                        .containsEntry("target", manual + "/" + fileId)
                        .containsEntry("status", 200));

        long question = ask();
        String questionFile = questionAttachment(question, "log.txt", "spooler crashed\n");
        assertThat(get("/api/questions/" + question + "/attachments/" + questionFile, user, from)
                        .status())
                .isEqualTo(200);
        assertThat(events("questions.attachments.download", from))
                .singleElement()
                .satisfies(e -> assertThat(e)
                        .containsEntry("actor", "user")
                        .containsEntry("target", question + "/" + questionFile)
                        .containsEntry("status", 200));

        assertThat(get("/api/reports/service?format=csv", admin, from).status()).isEqualTo(200);
        // shown on screen (JSON) is not an export
        assertThat(get("/api/reports/service", admin, from).status()).isEqualTo(200);
        assertThat(events("reports.service.download", from))
                .singleElement()
                .satisfies(e -> assertThat(e)
                        .containsEntry("actor", "admin")
                        .containsEntry("details", "?format=csv")
                        .containsEntry("status", 200));
    }

    @Test
    void shouldRecordRefusalsOnceAWindowAndCountTheRest() throws Exception {
        String from = "203.0.113.22";
        String draft = manual("草稿手册.txt", "内部草稿\n");
        for (int i = 0; i < 6; i++) {
            // a reader probing a draft gets the 404 of a missing article
            assertThat(get("/api/articles/" + draft, null, from).status()).isEqualTo(404);
        }
        for (int i = 0; i < 6; i++) {
            assertThat(get("/api/questions", "made-up-token-" + i, from).status())
                    .isEqualTo(401);
        }
        long question = ask();
        for (int i = 0; i < 3; i++) {
            // the asker may see it but not start work on it: a service-level 403
            assertThat(post("/api/questions/" + question + "/start", user, from).status())
                    .isEqualTo(403);
        }
        // one event each at once ...
        assertThat(events("access.hidden", from)).singleElement().satisfies(e -> {
            assertThat(e.get("actor")).isNull();
            assertThat(e).containsEntry("status", 404).containsEntry("target", "GET /api/articles/" + draft);
        });
        assertThat(events("auth.invalid-token", from))
                .singleElement()
                .satisfies(e -> assertThat(e).containsEntry("status", 401));
        assertThat(events("access.denied", from))
                .singleElement()
                .satisfies(e -> assertThat(e)
                        .containsEntry("actor", "user")
                        .containsEntry("status", 403)
                        .containsEntry("target", "POST /api/questions/" + question + "/start"));
        // ... and the count of the rest when the window ends
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (events("access.hidden.repeated", from).isEmpty()
                || events("auth.invalid-token.repeated", from).isEmpty()
                || events("access.denied.repeated", from).isEmpty()) {
            assertThat(System.nanoTime()).as("summaries written").isLessThan(deadline);
            Thread.sleep(200);
        }
        assertThat(events("access.hidden.repeated", from))
                .singleElement()
                .satisfies(e -> assertThat((String) e.get("details")).startsWith("5 further refusals"));
        assertThat(events("auth.invalid-token.repeated", from))
                .singleElement()
                .satisfies(e -> assertThat((String) e.get("details")).startsWith("5 further refusals"));
        assertThat(events("access.denied.repeated", from))
                .singleElement()
                .satisfies(e -> assertThat((String) e.get("details")).startsWith("2 further refusals"));
    }

    @Test
    void shouldRecordThePurgeWithTheNumberOfEventsItRemoved() {
        // the oldest event becomes one past the retention (the purge removes the oldest part of the chain)
        Instant old = Instant.now().minus(Duration.ofDays(400));
        server.bean(DatabaseClient.class)
                .sql("UPDATE audit_event SET occurred_at = :at, actor = 'old', action = 'test.old'"
                        + " WHERE id = (SELECT MIN(id) FROM audit_event)")
                .bind("at", old.atOffset(ZoneOffset.UTC))
                .then()
                .block(Duration.ofSeconds(10));

        Long removed = server.bean(AuditLog.class).purge().block(Duration.ofSeconds(10));

        assertThat(removed).isEqualTo(1);
        assertThat(all("audit.purge")).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("actor", "system").containsEntry("status", 200);
            assertThat((String) e.get("details")).startsWith("1 events older than");
        });
        assertThat(all("test.old")).isEmpty();
    }

    @Test
    void shouldRefuseAuditedActionsWhileTheirEventCannotBeWritten() {
        String from = "203.0.113.24";
        String manual = manual("停机手册.txt", "停机窗口\n");
        breakAuditTable();
        try {
            EntityExchangeResult<String> created = http.post()
                    .uri("/api/admin/users")
                    .header("Authorization", "Bearer " + secadmin)
                    .header("X-Forwarded-For", from)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of(
                            "username",
                            "unaudited",
                            "password",
                            "Portal-pass-2026",
                            "displayName",
                            "未审计",
                            "roles",
                            List.of("ADMIN")))
                    .exchange()
                    .expectBody(String.class)
                    .returnResult();
            assertThat(created.getStatus().value()).isEqualTo(503);
            assertThat(created.getResponseBody()).contains("urn:kb:audit-unavailable");

            Reply download = get("/api/articles/" + manual + "/file", admin, from);
            assertThat(download.status()).isEqualTo(503);
            assertThat(download.body()).contains("urn:kb:audit-unavailable").doesNotContain("停机窗口");
        } finally {
            repairAuditTable();
        }
        // nothing happened: no such user
        assertThat(get("/api/admin/users", secadmin, from).body()).doesNotContain("unaudited");
        assertThat(get("/api/articles/" + manual + "/file", admin, from).status())
                .isEqualTo(200);
    }

    // --- helpers

    private String manual(String name, String text) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        body.part("lang", "zh");
        Map<String, Object> r = multipart("/api/admin/manuals", body, admin, 201);
        return (String) r.get("id");
    }

    private String attach(String article, String name, String text) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        return (String) multipart("/api/admin/articles/" + article + "/attachments", body, admin, 201)
                .get("id");
    }

    private long ask() {
        Map<String, Object> asked = http.post()
                .uri("/api/questions")
                .header("Authorization", "Bearer " + user)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "title",
                        "打印服务报错",
                        "body",
                        "<p>见附件</p>",
                        "kind",
                        "FAULT",
                        "severity",
                        "C",
                        "category",
                        "network"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        return ((Number) asked.get("id")).longValue();
    }

    private String questionAttachment(long question, String name, String text) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)) {
                    @Override
                    public String getFilename() {
                        return name;
                    }
                })
                .contentType(MediaType.APPLICATION_OCTET_STREAM);
        List<Map<String, Object>> list = http.post()
                .uri("/api/questions/" + question + "/attachments")
                .header("Authorization", "Bearer " + user)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build()))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .returnResult()
                .getResponseBody();
        return (String) list.getFirst().get("id");
    }

    private Map<String, Object> multipart(String uri, MultipartBodyBuilder body, String token, int status) {
        EntityExchangeResult<Map<String, Object>> r = http.post()
                .uri(uri)
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build()))
                .exchange()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult();
        assertThat(r.getStatus().value()).as(uri + ": " + r.getResponseBody()).isEqualTo(status);
        return r.getResponseBody();
    }

    private Reply get(String uri, String token, String from) {
        WebTestClient.RequestHeadersSpec<?> spec = http.get().uri(uri).header("X-Forwarded-For", from);
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        EntityExchangeResult<byte[]> r = spec.exchange().expectBody().returnResult();
        byte[] body = r.getResponseBody();
        return new Reply(r.getStatus().value(), body == null ? "" : new String(body, StandardCharsets.UTF_8));
    }

    private Reply post(String uri, String token, String from) {
        EntityExchangeResult<byte[]> r = http.post()
                .uri(uri)
                .header("X-Forwarded-For", from)
                .header("Authorization", "Bearer " + token)
                .exchange()
                .expectBody()
                .returnResult();
        byte[] body = r.getResponseBody();
        return new Reply(r.getStatus().value(), body == null ? "" : new String(body, StandardCharsets.UTF_8));
    }

    /** Events of exactly this action from this client address. */
    private List<Map<String, Object>> events(String action, String from) {
        return all(action).stream().filter(e -> from.equals(e.get("clientIp"))).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> all(String action) {
        Map<String, Object> page = http.get()
                .uri(u -> u.path("/api/audit")
                        .queryParam("action", action)
                        .queryParam("size", 200)
                        .build())
                .header("Authorization", "Bearer " + auditor)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        return ((List<Map<String, Object>>) page.get("items"))
                .stream().filter(e -> action.equals(e.get("action"))).toList();
    }

    protected void sqlStatement(String statement) {
        server.bean(DatabaseClient.class).sql(statement).then().block(Duration.ofSeconds(10));
    }
}
