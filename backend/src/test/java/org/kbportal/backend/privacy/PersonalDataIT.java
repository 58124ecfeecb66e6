package org.kbportal.backend.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.h2.api.Trigger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kbportal.backend.testing.BackendServer;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One person's data on request of a security administrator (H2; {@code PersonalDataPostgresIT} runs the same on
 * PostgreSQL): the export holds the account without secrets, organisation, questions with messages and
 * attachments, ratings, notifications, preferences, feedback, searches and audit events; the erasure anonymises
 * the account and clears or deletes the rest in one transaction, refuses the caller's own account and the last
 * security administrator, and both calls are audited.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDataIT {

    BackendServer server;
    String secadmin;
    String auditor;
    String expert;

    @BeforeAll
    void start() throws Exception {
        server = startServer(Map.of("kb.seed.index-data", "false", "kb.search.embeddings", "false"));
        secadmin = server.login("secadmin", "secadmin-demo-2026");
        auditor = server.login("auditor", "auditor-demo-2026");
        expert = server.login("expert", "expert-demo-2026");
    }

    protected BackendServer startServer(Map<String, String> properties) throws Exception {
        return BackendServer.start(BackendServer.tempDataDir("kb-personal-data-it"), properties);
    }

    protected void afterServer() throws Exception {}

    /** Makes the erasure's last step (the account's own row) fail: an H2 trigger refusing updates of app_user. */
    protected void breakAccountUpdates() {
        sql("CREATE TRIGGER pd_down BEFORE UPDATE ON app_user FOR EACH ROW CALL '" + RefuseUpdate.class.getName()
                + "'");
    }

    protected void repairAccountUpdates() {
        sql("DROP TRIGGER pd_down");
    }

    /** Stands for a failure in the middle of the erasure (a full disk, a lost connection). */
    public static class RefuseUpdate implements Trigger {
        @Override
        public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
            throw new SQLException("app_user not writable (test)");
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
    void shouldExportEverythingHeldAboutAPersonAndEraseItAtomically() {
        long alice = createUser("pd-alice", "alice@example.org", "13800138000");
        String token = server.login("pd-alice", "Portal-pass-2026");
        Reply asked = call(
                HttpMethod.POST,
                token,
                "/api/questions",
                Map.of(
                        "title", "VPN 无法连接 vpn refuses",
                        "body", "<p>每天早上断线</p>",
                        "kind", "FAULT",
                        "severity", "C",
                        "category", "network",
                        "contactPref", "电话 13800138000 上午"));
        assertThat(asked.status()).isEqualTo(201);
        long question = ((Number) asked.get("id")).longValue();
        assertThat(call(HttpMethod.POST, token, "/api/questions/" + question + "/messages", Map.of("body", "补充：日志"))
                        .status())
                .isLessThan(300);
        assertThat(call(HttpMethod.PUT, token, "/api/notifications/language", Map.of("lang", "en"))
                        .status())
                .isLessThan(300);
        assertThat(call(
                                HttpMethod.PUT,
                                token,
                                "/api/me/notification-preferences",
                                Map.of("email", List.of(), "quietStart", "22:00", "quietEnd", "07:00"))
                        .status())
                .isLessThan(300);
        assertThat(call(HttpMethod.GET, token, "/api/search?q=vpn-alice-secret-query", null)
                        .status())
                .isEqualTo(200);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        sqlAt(
                "INSERT INTO notification (user_id, kind, question_id, message, created_at) VALUES (" + alice
                        + ", 'STATUS', " + question + ", 'Ihre Frage', :at)",
                now);
        sqlAt(
                "INSERT INTO question_rating (question_id, attitude, expertise, timeliness, comment, flagged,"
                        + " rated_by, created_at) VALUES (" + question + ", 5, 4, 3, '很好', FALSE, " + alice + ", :at)",
                now);
        sqlAt(
                "INSERT INTO article_feedback (article_id, voter, helpful, comment, username, created_at) VALUES"
                        + " ('FAQ-1', 'user:pd-alice', TRUE, '有用', 'pd-alice', :at)",
                now);

        // the export: everything, no secrets, and the export itself is audited
        Reply export = call(HttpMethod.GET, secadmin, "/api/admin/users/" + alice + "/personal-data", null);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.raw()).doesNotContain("password_hash", "passwordHash", "bcrypt", "secret\"", "token\"");
        Map<String, Object> account = export.map("account");
        assertThat(account)
                .containsEntry("username", "pd-alice")
                .containsEntry("email", "alice@example.org")
                .containsEntry("phone", "13800138000")
                .containsEntry("address", "数据路 1 号")
                .containsEntry("enabled", true)
                .containsEntry("mfaEnrolled", false);
        assertThat(export.map("organisation")).containsEntry("name", "隐私测试单位");
        assertThat(export.list("questions")).singleElement().satisfies(q -> {
            assertThat(q)
                    .containsEntry("title", "VPN 无法连接 vpn refuses")
                    .containsEntry("contactPref", "电话 13800138000 上午");
            assertThat(list(q, "messages")).extracting(m -> m.get("body")).contains("补充：日志");
        });
        assertThat(export.list("ratings"))
                .singleElement()
                .satisfies(r -> assertThat(r).containsEntry("comment", "很好"));
        assertThat(export.list("notifications"))
                .extracting(n -> n.get("message"))
                .contains("Ihre Frage");
        assertThat(export.map("preferences")).containsEntry("language", "en").containsEntry("quietStart", "22:00");
        assertThat(export.list("articleFeedback"))
                .singleElement()
                .satisfies(f -> assertThat(f).containsEntry("comment", "有用"));
        assertThat(export.list("searches")).extracting(s -> s.get("query")).contains("vpn-alice-secret-query");
        assertThat(export.list("auditEvents")).extracting(e -> e.get("action")).contains("auth.login");
        assertThat(audit("users.personal-data.export"))
                .anySatisfy(e -> assertThat(e)
                        .containsEntry("actor", "secadmin")
                        .containsEntry("target", String.valueOf(alice))
                        .containsEntry("status", 200));

        // atomic: the erasure's last step fails, so nothing of the earlier steps stays
        breakAccountUpdates();
        try {
            assertThat(call(HttpMethod.DELETE, secadmin, "/api/admin/users/" + alice + "/personal-data", null)
                            .status())
                    .isEqualTo(500);
        } finally {
            repairAccountUpdates();
        }
        assertThat(count("SELECT COUNT(*) FROM search_log WHERE username = 'pd-alice'"))
                .isPositive();
        assertThat(count("SELECT COUNT(*) FROM notification WHERE user_id = " + alice))
                .isPositive();
        assertThat(count("SELECT COUNT(*) FROM notification_pref WHERE user_id = " + alice))
                .isOne();
        assertThat(count("SELECT COUNT(*) FROM question WHERE contact_pref IS NOT NULL AND asker_id = " + alice))
                .isOne();
        assertThat(count("SELECT COUNT(*) FROM auth_token WHERE user_id = " + alice))
                .isPositive();
        assertThat(call(HttpMethod.GET, token, "/api/auth/me", null).status())
                .as("the failed erasure left the login")
                .isEqualTo(200);

        // the erasure
        Reply erased = call(HttpMethod.DELETE, secadmin, "/api/admin/users/" + alice + "/personal-data", null);
        assertThat(erased.status()).isEqualTo(200);
        assertThat(erased.body())
                .containsEntry("formerUsername", "pd-alice")
                .containsEntry("username", "erased-" + alice)
                .containsEntry("questions", 1)
                .containsEntry("feedback", 1);
        assertThat(call(HttpMethod.GET, token, "/api/auth/me", null).status())
                .as("the person's tokens are gone")
                .isEqualTo(401);
        assertThat(loginStatus("pd-alice", "Portal-pass-2026")).isEqualTo(401);
        Reply after = call(HttpMethod.GET, secadmin, "/api/admin/users/" + alice + "/personal-data", null);
        Map<String, Object> anonymous = after.map("account");
        assertThat(anonymous)
                .containsEntry("username", "erased-" + alice)
                .containsEntry("displayName", "erased-" + alice)
                .doesNotContainKeys("email", "phone", "address", "unit", "externalId")
                .containsEntry("enabled", false)
                .containsEntry("roles", List.of("USER"));
        assertThat(after.map("organisation")).isNull();
        assertThat(after.list("notifications")).isEmpty();
        assertThat(after.list("searches")).isEmpty();
        assertThat(after.list("articleFeedback")).isEmpty();
        assertThat(after.map("preferences")).doesNotContainKeys("language", "quietStart");
        assertThat(after.list("questions"))
                .as("the question's technical content stays, its contact field does not")
                .singleElement()
                .satisfies(q -> assertThat(q)
                        .containsEntry("title", "VPN 无法连接 vpn refuses")
                        .doesNotContainKey("contactPref"));
        assertThat(after.raw()).doesNotContain("pd-alice", "13800138000", "alice@example.org");
        assertThat(count("SELECT COUNT(*) FROM search_log WHERE query = 'vpn-alice-secret-query'"))
                .as("the search row stays for the reports, without the name")
                .isOne();
        assertThat(count("SELECT COUNT(*) FROM password_history WHERE user_id = " + alice))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE actor = 'pd-alice'"))
                .as("audit events are not rewritten (the chain)")
                .isPositive();
        assertThat(audit("users.personal-data.erase"))
                .extracting(e -> e.get("status"))
                .contains(200, 500);
        Reply verify = call(HttpMethod.GET, auditor, "/api/audit/verify", null);
        assertThat(verify.body()).containsEntry("intact", true);
    }

    @Test
    void shouldRefuseErasingOneselfAndTheLastSecurityAdministrator() {
        long me = userId("secadmin");
        Reply own = call(HttpMethod.DELETE, secadmin, "/api/admin/users/" + me + "/personal-data", null);
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.raw()).contains("urn:kb:erase-own-account");
        assertThat(call(HttpMethod.GET, secadmin, "/api/auth/me", null).status())
                .isEqualTo(200);

        // only a caller who is no security administrator could reach the last one; the service refuses it anyway
        long expertId = userId("expert");
        var service = server.bean(PersonalDataService.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> service.erase(me, expertId).block(Duration.ofSeconds(20)))
                .hasMessageContaining("last enabled security administrator");
        assertThat(count("SELECT COUNT(*) FROM app_user WHERE username = 'secadmin' AND enabled = TRUE"))
                .isOne();

        assertThat(call(HttpMethod.DELETE, expert, "/api/admin/users/" + me + "/personal-data", null)
                        .status())
                .as("only security administrators")
                .isEqualTo(403);
        assertThat(call(HttpMethod.GET, secadmin, "/api/admin/users/999999/personal-data", null)
                        .status())
                .isEqualTo(404);

        // with a second security administrator, the first one can be erased by the second
        long second = createUser("pd-secadmin2", null, null, List.of("SECURITY_ADMIN"));
        String other = server.login("pd-secadmin2", "Portal-pass-2026");
        long third = createUser("pd-secadmin3", null, null, List.of("SECURITY_ADMIN"));
        assertThat(call(HttpMethod.DELETE, other, "/api/admin/users/" + third + "/personal-data", null)
                        .status())
                .isEqualTo(200);
        assertThat(second).isPositive();
    }

    // --- helpers

    long createUser(String username, String email, String phone) {
        return createUser(username, email, phone, List.of("USER"));
    }

    long createUser(String username, String email, String phone, List<String> roles) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("password", "Portal-pass-2026");
        body.put("displayName", "Alice 爱丽丝");
        body.put("email", email);
        body.put("phone", phone);
        body.put("address", email == null ? null : "数据路 1 号");
        body.put("unit", email == null ? null : "隐私测试单位");
        body.put("roles", roles);
        Reply created = call(HttpMethod.POST, secadmin, "/api/admin/users", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        // an account a security admin created changes its password first; keep it for the test
        sql("UPDATE app_user SET password_change_required = FALSE WHERE username = '" + username + "'");
        return ((Number) created.get("id")).longValue();
    }

    long userId(String username) {
        return count("SELECT id FROM app_user WHERE username = '" + username + "'");
    }

    int loginStatus(String username, String password) {
        return call(HttpMethod.POST, null, "/api/auth/login", Map.of("username", username, "password", password))
                .status();
    }

    List<Map<String, Object>> audit(String action) {
        return call(HttpMethod.GET, auditor, "/api/audit?action=" + action + "&size=50", null)
                .list("items");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        return (List<Map<String, Object>>) m.get(key);
    }

    record Reply(int status, Map<String, Object> body, String raw) {
        Object get(String key) {
            return body == null ? null : body.get(key);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map(String key) {
            return (Map<String, Object>) get(key);
        }

        List<Map<String, Object>> list(String key) {
            return PersonalDataIT.list(body, key);
        }
    }

    Reply call(HttpMethod method, String token, String uri, Object body) {
        WebTestClient.RequestBodySpec spec = server.client().method(method).uri(uri);
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        WebTestClient.RequestHeadersSpec<?> ready = body == null
                ? spec
                : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        EntityExchangeResult<String> r =
                ready.exchange().expectBody(String.class).returnResult();
        String raw = r.getResponseBody() == null ? "" : r.getResponseBody();
        Map<String, Object> parsed = null;
        if (raw.startsWith("{")) {
            parsed = new tools.jackson.databind.ObjectMapper()
                    .readValue(raw, new tools.jackson.core.type.TypeReference<Map<String, Object>>() {});
        }
        return new Reply(r.getStatus().value(), parsed, raw);
    }

    void sql(String statement) {
        server.bean(DatabaseClient.class).sql(statement).then().block(Duration.ofSeconds(10));
    }

    void sqlAt(String statement, OffsetDateTime at) {
        server.bean(DatabaseClient.class).sql(statement).bind("at", at).then().block(Duration.ofSeconds(10));
    }

    long count(String query) {
        return server.bean(DatabaseClient.class)
                .sql(query)
                .map(r -> ((Number) r.get(0)).longValue())
                .one()
                .block(Duration.ofSeconds(10));
    }
}
