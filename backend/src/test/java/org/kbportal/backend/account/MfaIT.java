package org.kbportal.backend.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kbportal.backend.testing.BackendServer;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The second factor end to end: enrolment with a real code computed from the returned secret, the
 * two-step login, wrong and replayed codes refused (and charged to the login throttle until the account
 * waits), a recovery code good once, the mfaToken good once, the reset by an administrator, and a role
 * that requires a second factor held to the enrolment ({@code kb.mfa.required-roles=EXPERT} here). Each
 * test uses its own client address (the test client is a trusted proxy).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MfaIT {

    private BackendServer server;
    private WebTestClient http;
    private String admin;

    record Reply(int status, Map<String, Object> body) {}

    @BeforeAll
    void start() {
        server = BackendServer.start(
                BackendServer.tempDataDir("kb-mfa-it"),
                Map.of(
                        "kb.seed.index-data", "false",
                        "kb.search.embeddings", "false",
                        "kb.mfa.required-roles", "EXPERT",
                        "kb.login.max-failures", "5",
                        "kb.login.backoff-after", "3",
                        "kb.login.backoff-base", "20s"));
        http = server.client();
        admin = server.login("secadmin", "secadmin-demo-2026");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldEnrolThenSignInWithTwoStepsAndRefuseWrongReusedAndUsedUpCodes() {
        String from = "198.51.100.31";
        long id = createUser("mfa-alice", "alice-password-2026");
        String token = (String) post("/api/auth/login", null, from, credentials("mfa-alice", "alice-password-2026"))
                .body()
                .get("token");

        Reply enrol = post("/api/auth/mfa/enrol", token, from, Map.of());
        assertThat(enrol.status()).isEqualTo(200);
        String secret = (String) enrol.body().get("secret");
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat((String) enrol.body().get("otpauthUri"))
                .startsWith("otpauth://totp/KB%20Portal:mfa-alice?secret=" + secret + "&issuer=KB%20Portal");
        assertThat((String) enrol.body().get("qrCode")).startsWith("data:image/svg+xml;base64,");
        // the secret is stored encrypted, not as given out
        assertThat(sqlString("SELECT secret FROM user_mfa WHERE user_id = " + id))
                .doesNotContain(secret);

        assertThat(post("/api/auth/mfa/confirm", token, from, Map.of("code", wrong(secret, 0)))
                        .body())
                .containsEntry("type", "urn:kb:mfa-code-invalid");
        String enrolmentCode = code(secret, 0);
        Reply confirmed = post("/api/auth/mfa/confirm", token, from, Map.of("code", enrolmentCode));
        assertThat(confirmed.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<String> recovery = (List<String>) confirmed.body().get("recoveryCodes");
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z2-7]{5}-[a-z2-7]{5}"));
        assertThat(post("/api/auth/mfa/enrol", token, from, Map.of()).body())
                .containsEntry("type", "urn:kb:mfa-already-enrolled");

        // step one: no token, the second step's token
        Reply first = post("/api/auth/login", null, from, credentials("mfa-alice", "alice-password-2026"));
        assertThat(first.body()).containsEntry("mfaRequired", true).doesNotContainKey("token");
        String mfaToken = (String) first.body().get("mfaToken");

        Reply wrong = post("/api/auth/login/mfa", null, from, Map.of("mfaToken", mfaToken, "code", wrong(secret, 1)));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).containsEntry("type", "urn:kb:mfa-code-invalid");
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'auth.mfa-failed' AND target = 'mfa-alice'"))
                .isEqualTo(1);
        // the code of the enrolment's step was used: a replay
        Reply replay = post("/api/auth/login/mfa", null, from, Map.of("mfaToken", mfaToken, "code", enrolmentCode));
        assertThat(replay.status()).isEqualTo(401);

        // the next step's code (accepted one step early) signs in
        Reply second = post("/api/auth/login/mfa", null, from, Map.of("mfaToken", mfaToken, "code", code(secret, 1)));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).containsEntry("username", "mfa-alice").containsKey("token");
        assertThat(get("/api/auth/me", (String) second.body().get("token"), from)
                        .status())
                .isEqualTo(200);
        // the mfaToken was used up
        assertThat(post("/api/auth/login/mfa", null, from, Map.of("mfaToken", mfaToken, "code", recovery.get(0)))
                        .body())
                .containsEntry("type", "urn:kb:mfa-token-invalid");

        // a recovery code: once
        String again = (String) post("/api/auth/login", null, from, credentials("mfa-alice", "alice-password-2026"))
                .body()
                .get("mfaToken");
        assertThat(post("/api/auth/login/mfa", null, from, Map.of("mfaToken", again, "code", recovery.get(0)))
                        .body())
                .containsKey("token");
        String once = (String) post("/api/auth/login", null, from, credentials("mfa-alice", "alice-password-2026"))
                .body()
                .get("mfaToken");
        assertThat(post("/api/auth/login/mfa", null, from, Map.of("mfaToken", once, "code", recovery.get(0)))
                        .status())
                .isEqualTo(401);
        assertThat(post("/api/auth/login/mfa", null, from, Map.of("mfaToken", once, "code", recovery.get(1)))
                        .body())
                .containsKey("token");

        // reset by an administrator (audited): the password alone signs in again
        var reset = http.delete()
                .uri("/api/admin/users/" + id + "/mfa")
                .header("Authorization", "Bearer " + admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        assertThat(reset).containsEntry("hadSecondFactor", true);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'users.mfa' AND status = 200"))
                .isEqualTo(1);
        assertThat(post("/api/auth/login", null, from, credentials("mfa-alice", "alice-password-2026"))
                        .body())
                .containsKey("token")
                .doesNotContainKey("mfaRequired");
    }

    @Test
    void shouldChargeWrongCodesToTheLoginThrottle() {
        String from = "198.51.100.32";
        createUser("mfa-bob", "bob-password-2026");
        String token = (String) post("/api/auth/login", null, from, credentials("mfa-bob", "bob-password-2026"))
                .body()
                .get("token");
        String secret = (String)
                post("/api/auth/mfa/enrol", token, from, Map.of()).body().get("secret");
        assertThat(post("/api/auth/mfa/confirm", token, from, Map.of("code", code(secret, 0)))
                        .status())
                .isEqualTo(200);
        String mfaToken = (String) post("/api/auth/login", null, from, credentials("mfa-bob", "bob-password-2026"))
                .body()
                .get("mfaToken");

        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(post("/api/auth/login/mfa", null, from, Map.of("mfaToken", mfaToken, "code", wrong(secret, 1)))
                    .status());
        }
        // three wrong codes, then the account must wait (back-off after 3 failures), even for the right code
        assertThat(statuses).containsExactly(401, 401, 401, 429);
        assertThat(post("/api/auth/login/mfa", null, from, Map.of("mfaToken", mfaToken, "code", code(secret, 1)))
                        .status())
                .isEqualTo(429);
    }

    @Test
    void shouldHoldARoleThatRequiresASecondFactorToTheEnrolment() {
        String from = "198.51.100.33";
        Reply login = post("/api/auth/login", null, from, credentials("expert", "expert-demo-2026"));
        assertThat(login.body()).containsEntry("mfaEnrolmentRequired", true);
        String token = (String) login.body().get("token");

        Reply held = get("/api/notifications", token, from);
        assertThat(held.status()).isEqualTo(403);
        assertThat(held.body()).containsEntry("type", "urn:kb:mfa-enrolment-required");
        assertThat(get("/api/auth/me", token, from).status()).isEqualTo(200);
        assertThat(get("/api/auth/mfa", token, from).body())
                .containsEntry("required", true)
                .containsEntry("enrolled", false);

        String secret = (String)
                post("/api/auth/mfa/enrol", token, from, Map.of()).body().get("secret");
        assertThat(post("/api/auth/mfa/confirm", token, from, Map.of("code", code(secret, 0)))
                        .status())
                .isEqualTo(200);
        assertThat(get("/api/notifications", token, from).status()).isEqualTo(200);
    }

    /** The code of the current time step plus {@code offset}, computed from the Base32 secret. */
    private static String code(String secret, int offset) {
        return Totp.code(Totp.fromBase32(secret), Totp.step(Instant.now().getEpochSecond()) + offset, 6);
    }

    /** A code that is none of the accepted ones around the step. */
    private static String wrong(String secret, int offset) {
        for (int n = 0; ; n++) {
            String candidate = String.format("%06d", n);
            long now = Totp.step(Instant.now().getEpochSecond()) + offset;
            boolean accepted = false;
            for (long s = now - 2; s <= now + 2; s++) {
                accepted |= Totp.code(Totp.fromBase32(secret), s, 6).equals(candidate);
            }
            if (!accepted) {
                return candidate;
            }
        }
    }

    private static Map<String, Object> credentials(String username, String password) {
        return Map.of("username", username, "password", password);
    }

    private long createUser(String username, String password) {
        Reply r = post(
                "/api/admin/users",
                admin,
                "198.51.100.30",
                Map.of("username", username, "password", password, "displayName", username, "roles", List.of("USER")));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return ((Number) r.body().get("id")).longValue();
    }

    private Reply post(String path, String token, String from, Object body) {
        var spec = http.post().uri(path).contentType(MediaType.APPLICATION_JSON).header("X-Forwarded-For", from);
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        var result = spec.bodyValue(body)
                .exchange()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult();
        return new Reply(result.getStatus().value(), result.getResponseBody());
    }

    /** A GET; the body when it is a JSON object (else empty). */
    @SuppressWarnings("unchecked")
    private Reply get(String path, String token, String from) {
        var result = http.get()
                .uri(path)
                .header("X-Forwarded-For", from)
                .header("Authorization", "Bearer " + token)
                .exchange()
                .expectBody(String.class)
                .returnResult();
        String body = result.getResponseBody();
        Map<String, Object> map = body != null && body.startsWith("{")
                ? new tools.jackson.databind.ObjectMapper().readValue(body, Map.class)
                : Map.of();
        return new Reply(result.getStatus().value(), map);
    }

    private long count(String sql) {
        return server.bean(DatabaseClient.class)
                .sql(sql)
                .map(r -> ((Number) r.get(0)).longValue())
                .one()
                .block(Duration.ofSeconds(10));
    }

    private String sqlString(String sql) {
        return server.bean(DatabaseClient.class)
                .sql(sql)
                .map(r -> r.get(0, String.class))
                .one()
                .block(Duration.ofSeconds(10));
    }
}
