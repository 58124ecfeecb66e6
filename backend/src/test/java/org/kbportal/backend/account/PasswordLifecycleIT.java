package org.kbportal.backend.account;

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
 * The password lifecycle on H2 with the default settings: the policy on every set, the forced change after an
 * administrator set a password, the self-service change with the current password and the history.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasswordLifecycleIT {

    private BackendServer server;
    private WebTestClient http;
    private String secadmin;

    @BeforeAll
    void start() {
        server = BackendServer.start(
                BackendServer.tempDataDir("kb-password-it"),
                Map.of(
                        "kb.seed.index-data", "false",
                        "kb.search.embeddings", "false",
                        "kb.password.change-after-admin-set", "true",
                        "kb.password.history", "4",
                        "kb.password.max-age", "90d"));
        http = server.client();
        secadmin = server.login("secadmin", "secadmin-demo-2026");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAccountAnAdministratorCreatedChangesItsPasswordFirstAndCannotReuseIt() {
        // the policy on creation: every broken rule named
        Map<String, Object> weak = createUser("newcomer", "newcomer99");
        assertThat(weak).containsEntry("status", 400).containsEntry("type", "urn:kb:weak-password");
        assertThat((List<Object>) weak.get("violations")).containsExactly("min-classes", "no-username");
        assertThat((String) weak.get("detail")).contains("must not contain the user name");
        assertThat(createUser("newcomer", "Fresh-start-2026")).containsEntry("username", "newcomer");

        // first sign-in: only the change, /api/auth/me and logout are open
        Map<String, Object> login = login("newcomer", "Fresh-start-2026");
        assertThat(login).containsEntry("passwordChangeRequired", true);
        String token = (String) login.get("token");
        assertThat(call("GET", "/api/questions?mine=true", token, null))
                .containsEntry("status", 403)
                .containsEntry("type", "urn:kb:password-change-required");
        assertThat(call("GET", "/api/search?q=x", token, null)).containsEntry("status", 403);
        assertThat(call("GET", "/api/auth/me", token, null)).containsEntry("username", "newcomer");
        // the rules for the page's hint: as configured, open to this token and to anyone
        assertThat(call("GET", "/api/auth/password-policy", token, null))
                .containsEntry("minLength", 10)
                .containsEntry("minClasses", 3)
                .containsEntry("history", 4)
                .containsEntry("maxAgeDays", 90);
        assertThat(call("GET", "/api/auth/password-policy", null, null)).containsEntry("history", 4);

        // a wrong current password: 403, audited, charged to the login throttle
        assertThat(change(token, "not-my-password", "Second-try-2026"))
                .containsEntry("status", 403)
                .containsEntry("type", "urn:kb:wrong-password");
        // the same password again, or a weak one: refused with the rules
        assertThat((List<Object>)
                        change(token, "Fresh-start-2026", "Fresh-start-2026").get("violations"))
                .containsExactly("history");
        assertThat((List<Object>) change(token, "Fresh-start-2026", "短密码").get("violations"))
                .containsExactly("min-length", "min-classes");
        assertThat(change(token, "Fresh-start-2026", "Second-try-2026")).containsEntry("status", 204);

        // the same token now works, and the next login is not forced
        http.get()
                .uri("/api/questions?mine=true")
                .header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(login("newcomer", "Second-try-2026")).containsEntry("passwordChangeRequired", false);

        // an administrator's reset forces the change again and ends the account's logins
        long id = ((Number) call("GET", "/api/auth/me", token, null).get("id")).longValue();
        assertThat(call("PUT", "/api/admin/users/" + id, secadmin, Map.of("password", "Reset-by-admin-2026")))
                .containsEntry("username", "newcomer");
        assertThat(call("GET", "/api/auth/me", token, null)).containsEntry("status", 401);
        Map<String, Object> again = login("newcomer", "Reset-by-admin-2026");
        assertThat(again).containsEntry("passwordChangeRequired", true);
        // one of the last five: the first password is refused, a new one accepted
        String token2 = (String) again.get("token");
        assertThat((List<Object>) change(token2, "Reset-by-admin-2026", "Fresh-start-2026")
                        .get("violations"))
                .containsExactly("history");
        assertThat(change(token2, "Reset-by-admin-2026", "Third-attempt-2026")).containsEntry("status", 204);

        // the auditor sees the changes and the failure, without any password
        String auditor = server.login("auditor", "auditor-demo-2026");
        String events = raw("/api/audit?actor=newcomer&action=auth", auditor);
        assertThat(events)
                .contains("auth.password-changed", "auth.password-change-failed", "urn:kb:wrong-password")
                .doesNotContain("Second-try-2026", "not-my-password", "Third-attempt-2026");
        assertThat(raw("/api/audit?action=users.update&actor=secadmin", auditor))
                .contains("password", "***")
                .doesNotContain("Reset-by-admin-2026");
    }

    @Test
    void demoAccountsAreNotForcedToChange() {
        assertThat(login("user", "user-demo-2026")).containsEntry("passwordChangeRequired", false);
        assertThat(login("admin", "admin-demo-2026")).containsEntry("passwordChangeRequired", false);
    }

    private Map<String, Object> createUser(String username, String password) {
        return call(
                "POST",
                "/api/admin/users",
                secadmin,
                Map.of("username", username, "password", password, "displayName", username, "roles", List.of("USER")));
    }

    private Map<String, Object> login(String username, String password) {
        return call("POST", "/api/auth/login", null, Map.of("username", username, "password", password));
    }

    private Map<String, Object> change(String token, String current, String next) {
        return call("POST", "/api/auth/password", token, Map.of("current", current, "new", next));
    }

    private String raw(String uri, String token) {
        byte[] body = http.get()
                .uri(uri)
                .header("Authorization", "Bearer " + token)
                .exchange()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    /** The JSON answer, with {@code status} added when it is not 200/201 (204 gives just the status). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> call(String method, String uri, String token, Object body) {
        WebTestClient.RequestBodySpec spec =
                http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(uri);
        if (token != null) {
            spec.header("Authorization", "Bearer " + token);
        }
        WebTestClient.RequestHeadersSpec<?> ready = body == null
                ? spec
                : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        var result = ready.exchange().expectBody(Map.class).returnResult();
        Map<String, Object> answer = result.getResponseBody() == null
                ? new java.util.HashMap<>()
                : new java.util.HashMap<>(result.getResponseBody());
        int status = result.getStatus().value();
        if (status != 200 && status != 201) {
            answer.put("status", status);
        }
        return answer;
    }
}
