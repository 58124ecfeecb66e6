package org.kbportal.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kbportal.backend.testing.BackendServer;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The audit log records logins and login failures, publishing and SLA policy changes with actor,
 * target, details and client address, only admins read it (and nobody can change it); actuator health
 * has database and search groups; Prometheus shows the portal's own metrics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsIT {

    static final String SCRAPE_TOKEN = "scrape-token-4f1e9c2a7b";

    BackendServer server;
    WebTestClient http;
    String admin;
    String secadmin;
    String auditor;

    @BeforeAll
    void start() {
        server = BackendServer.start(
                BackendServer.tempDataDir("kb-ops-it"),
                Map.of(
                        "kb.seed.index-data",
                        "false",
                        "kb.search.embeddings",
                        "false",
                        "kb.metrics.token",
                        SCRAPE_TOKEN));
        http = server.client();
        admin = server.login("admin", "admin-demo-2026");
        secadmin = server.login("secadmin", "secadmin-demo-2026");
        auditor = server.login("auditor", "auditor-demo-2026");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldAuditLoginFailuresPublishingAndSlaPolicyChanges() {
        http.post()
                .uri("/api/auth/login")
                .header("X-Forwarded-For", "203.0.113.7")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "admin", "password", "wrong-password"))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        http.post()
                .uri("/api/admin/articles")
                .header("Authorization", "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", "AUD-1", "type", "faq", "lang", "zh", "title", "审计测试", "body", "正文"))
                .exchange()
                .expectStatus()
                .isCreated();
        http.post()
                .uri("/api/admin/articles/AUD-1/publish")
                .header("Authorization", "Bearer " + admin)
                .exchange()
                .expectStatus()
                .isOk();
        http.put()
                .uri("/api/admin/sla-policies/FAULT/A")
                .header("Authorization", "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("replyMinutes", 30, "resolveMinutes", 120, "workingTime", false))
                .exchange()
                .expectStatus()
                .isOk();

        Map<String, Object> failed = only("action=auth.login-failed");
        assertThat(failed.get("actor")).isNull();
        assertThat(failed.get("target")).isEqualTo("admin");
        assertThat(failed.get("status")).isEqualTo(401);
        // the forwarded address is believed from the (trusted, local) UI server
        assertThat(failed.get("clientIp")).isEqualTo("203.0.113.7");

        Map<String, Object> published = only("action=articles.publish");
        assertThat(published).containsEntry("actor", "admin").containsEntry("target", "AUD-1");
        assertThat(published.get("status")).isEqualTo(200);

        Map<String, Object> sla = only("action=sla-policies.update&actor=admin");
        assertThat(sla.get("target")).isEqualTo("FAULT/A");
        assertThat((String) sla.get("details")).contains("\"replyMinutes\":30");

        // a whole family by prefix, and a period that excludes everything
        Map<String, Object> articles = page("action=articles");
        assertThat(((List<Map<String, Object>>) articles.get("items"))
                        .stream().map(e -> e.get("action")).toList())
                .containsExactly("articles.publish", "articles.create");
        assertThat(page("from=2000-01-01&to=2000-01-31").get("total")).isEqualTo(0);

        String csv = new String(
                http.get()
                        .uri("/api/audit/export?action=articles")
                        .header("Authorization", "Bearer " + auditor)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .contentTypeCompatibleWith("text/csv")
                        .expectBody()
                        .returnResult()
                        .getResponseBody(),
                StandardCharsets.UTF_8);
        assertThat(csv.lines().toList()).hasSize(3);
        assertThat(csv).startsWith("\uFEFFid,occurred_at,actor,action").contains("articles.publish,AUD-1,200");
        // passwords never reach the log
        http.post()
                .uri("/api/admin/users")
                .header("Authorization", "Bearer " + secadmin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "username",
                        "auditee",
                        "password",
                        "secret-pass-123",
                        "displayName",
                        "A",
                        "roles",
                        List.of("USER")))
                .exchange()
                .expectStatus()
                .isCreated();
        Map<String, Object> created = only("action=users.create");
        assertThat((String) created.get("details"))
                .contains("\"password\":\"***\"")
                .doesNotContain("secret-pass");
    }

    @Test
    void shouldLetOnlyAuditorsReadTheAuditLogAndNobodyChangeIt() {
        String user = server.login("user", "user-demo-2026");
        http.get().uri("/api/audit").exchange().expectStatus().isUnauthorized();
        // the system administrator and the security administrator do not read the audit log (separation of duties)
        for (String token : List.of(user, admin, secadmin)) {
            for (String path : List.of("/api/audit", "/api/audit/export")) {
                http.get()
                        .uri(path)
                        .header("Authorization", "Bearer " + token)
                        .exchange()
                        .expectStatus()
                        .isForbidden();
            }
        }
        // the refused attempt is itself recorded; further ones of this user in the window are counted
        // (AuditTrailIT), so a script cannot flood the log
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> denied = (List<Map<String, Object>>)
                page("action=access.denied&actor=user&to=2100-01-01").get("items");
        assertThat(denied.stream().map(e -> e.get("target")).toList()).containsExactly("GET /api/audit");
        for (var method :
                List.of(org.springframework.http.HttpMethod.DELETE, org.springframework.http.HttpMethod.PUT)) {
            int status = http.method(method)
                    .uri("/api/audit")
                    .header("Authorization", "Bearer " + auditor)
                    .exchange()
                    .returnResult(Void.class)
                    .getStatus()
                    .value();
            assertThat(status).isIn(404, 405);
        }
        http.get()
                .uri("/api/audit?size=1000")
                .header("Authorization", "Bearer " + auditor)
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void shouldReportHealthGroupsAndPrometheusMetrics() {
        http.get().uri("/api/search?q=审计").exchange().expectStatus().isOk();
        http.get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        http.get()
                .uri("/actuator/health/search-engine")
                .header("Authorization", "Bearer " + admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components.search.details.engine")
                .isEqualTo("lucene");
        http.get()
                .uri("/actuator/health/database")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        String metrics = new String(
                http.get()
                        .uri("/actuator/prometheus")
                        .header("Authorization", "Bearer " + admin)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .returnResult()
                        .getResponseBody(),
                StandardCharsets.UTF_8);
        assertThat(metrics)
                .containsPattern("kb_search_latency_seconds_count\\{[^}]*} [1-9]")
                .contains("kb_questions_queue", "kb_index_outbox_lag_seconds", "kb_index_outbox_pending")
                .contains("kb_mail_outbox_pending", "kb_sla_breaches_total")
                .containsPattern("kb_job_failures_total\\{[^}]*job=\"Scheduled publication\"")
                .containsPattern("kb_job_failures_total\\{[^}]*job=\"Query log flush\"");
    }

    @Test
    void shouldServeMetricsOnlyToAdminsAndTheScrapeTokenAndHealthWithoutDetailsToAnonymous() {
        String user = server.login("user", "user-demo-2026");
        String expert = server.login("expert", "expert-demo-2026");
        // anonymous, a wrong or blank token, a near miss: 401 problem, never metrics
        for (String header : new String[] {
            null, "Bearer wrong", "Bearer ", "Bearer " + SCRAPE_TOKEN + "x", "Bearer " + SCRAPE_TOKEN.substring(1)
        }) {
            WebTestClient.RequestHeadersSpec<?> get = http.get().uri("/actuator/prometheus");
            if (header != null) {
                get = get.header("Authorization", header);
            }
            String body = new String(
                    get.exchange()
                            .expectStatus()
                            .isUnauthorized()
                            .expectBody()
                            .returnResult()
                            .getResponseBodyContent(),
                    StandardCharsets.UTF_8);
            assertThat(body).as(String.valueOf(header)).doesNotContain("jvm_", "kb_");
        }
        // signed in but not ADMIN: 403
        for (String token : List.of(user, expert)) {
            http.get()
                    .uri("/actuator/prometheus")
                    .header("Authorization", "Bearer " + token)
                    .exchange()
                    .expectStatus()
                    .isForbidden();
        }
        // the scrape token: metrics
        String metrics = new String(
                http.get()
                        .uri("/actuator/prometheus")
                        .header("Authorization", "Bearer " + SCRAPE_TOKEN)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .returnResult()
                        .getResponseBody(),
                StandardCharsets.UTF_8);
        assertThat(metrics).contains("jvm_memory_used_bytes", "kb_questions_queue");
        // ... and nothing else (it is no login token anywhere else): not other actuator endpoints, not the API
        http.get()
                .uri("/actuator/info")
                .header("Authorization", "Bearer " + SCRAPE_TOKEN)
                .exchange()
                .expectStatus()
                .isUnauthorized();
        http.get()
                .uri("/api/admin/users")
                .header("Authorization", "Bearer " + SCRAPE_TOKEN)
                .exchange()
                .expectStatus()
                .isUnauthorized();
        http.get()
                .uri("/api/auth/me")
                .header("Authorization", "Bearer " + SCRAPE_TOKEN)
                .exchange()
                .expectStatus()
                .isUnauthorized();
        // other actuator endpoints: ADMIN only
        http.get().uri("/actuator/info").exchange().expectStatus().isUnauthorized();
        http.get()
                .uri("/actuator/info")
                .header("Authorization", "Bearer " + user)
                .exchange()
                .expectStatus()
                .isForbidden();
        http.get()
                .uri("/actuator")
                .header("Authorization", "Bearer " + expert)
                .exchange()
                .expectStatus()
                .isForbidden();
        // health and probes stay public, without details for anonymous callers and readers
        for (String path :
                List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/search-engine")) {
            // 200 or 503 (seeding may still run): public either way, a bare status
            http.get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .value(status -> assertThat(status).isIn(200, 503))
                    .expectBody()
                    .jsonPath("$.status")
                    .exists()
                    .jsonPath("$.components")
                    .doesNotExist()
                    .jsonPath("$.details")
                    .doesNotExist();
        }
        http.get()
                .uri("/actuator/health")
                .header("Authorization", "Bearer " + user)
                .exchange()
                .expectBody()
                .jsonPath("$.components")
                .doesNotExist();
    }

    private Map<String, Object> page(String query) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = http.get()
                .uri("/api/audit?" + query)
                .header("Authorization", "Bearer " + auditor)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return body;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> only(String query) {
        List<Map<String, Object>> items =
                (List<Map<String, Object>>) page(query).get("items");
        assertThat(items).as(query).hasSize(1);
        return items.get(0);
    }
}
