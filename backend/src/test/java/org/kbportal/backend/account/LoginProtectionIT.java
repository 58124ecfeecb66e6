package org.kbportal.backend.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kbportal.backend.testing.BackendServer;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Brute force against the login: parallel guesses lock the account after exactly {@code
 * max-failures} checks, the right password is refused until an admin unlocks it or the lock expires,
 * one client address is locked on its own limit while another goes on, unknown user names take as
 * long as known ones, the audit log stays small under 200 guesses and never holds a typed name that is
 * no user, and passwords longer than bcrypt's 72 bytes work. Each test uses its own client address
 * (the test client is a trusted proxy, so {@code X-Forwarded-For} is believed).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginProtectionIT {

    private static final int MAX_FAILURES = 5;
    private static final int ADDRESS_MAX_FAILURES = 8;
    private static final Duration LOCK = Duration.ofSeconds(4);
    /** "Ab1" and 30 Chinese characters: 93 bytes in UTF-8, four classes (CJK characters count as "other"). */
    private static final String LONG_PASSWORD = "Ab1知识库门户的密码可以很长很长很长很长很长很长很长很长很长很长很长";

    private BackendServer server;
    private WebTestClient http;
    private String admin;
    private String secadmin;

    @BeforeAll
    void start() {
        server = BackendServer.start(
                BackendServer.tempDataDir("kb-login-it"),
                Map.of(
                        "kb.seed.index-data", "false",
                        "kb.search.embeddings", "false",
                        "kb.login.max-failures", String.valueOf(MAX_FAILURES),
                        "kb.login.address-max-failures", String.valueOf(ADDRESS_MAX_FAILURES),
                        "kb.login.backoff-after", "3",
                        "kb.login.backoff-base", "200ms",
                        "kb.login.lock-duration", LOCK.toSeconds() + "s"));
        http = server.client();
        admin = server.login("admin", "admin-demo-2026");
        secadmin = server.login("secadmin", "secadmin-demo-2026");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldLockAnAccountUnderParallelGuessesUntilUnlockedOrExpired() throws Exception {
        String from = "198.51.100.10";
        List<Integer> statuses = parallelGuesses("expert", from, 20);

        // the attempts are charged before their check: exactly max-failures passwords were checked
        assertThat(statuses.stream().filter(s -> s == 401)).hasSize(MAX_FAILURES);
        assertThat(statuses.stream().filter(s -> s == 429)).hasSize(20 - MAX_FAILURES);

        EntityExchangeResult<Map> locked = login("expert", "expert-demo-2026", from, 429);
        assertThat(locked.getResponseHeaders().getFirst("Retry-After")).isNotBlank();
        assertThat(locked.getResponseBody().get("type")).isEqualTo("urn:kb:login-locked");
        // the lock is the account's, not the address's
        login("expert", "expert-demo-2026", "198.51.100.11", 429);

        http.post()
                .uri("/api/admin/users/expert/unlock")
                .header("Authorization", "Bearer " + secadmin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.wasLocked")
                .isEqualTo(true);
        login("expert", "expert-demo-2026", from, 200);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'users.unlock' AND target = 'expert'"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'auth.locked' AND target = 'expert'"))
                .isEqualTo(1);

        // fresh addresses, so that only the account's lock is in play
        parallelGuesses("expert", "198.51.100.12", 10);
        login("expert", "expert-demo-2026", "198.51.100.13", 429);
        Thread.sleep(LOCK.plusMillis(500).toMillis());
        login("expert", "expert-demo-2026", "198.51.100.13", 200);
    }

    @Test
    void shouldLockAClientAddressOnItsOwnLimit() {
        String attacker = "203.0.113.50";
        // one guess per name: no account reaches its limit, the address does
        for (int i = 0; i < ADDRESS_MAX_FAILURES; i++) {
            login("nobody-" + i, "guess-" + i, attacker, 401);
        }
        EntityExchangeResult<Map> refused = login("admin", "admin-demo-2026", attacker, 429);
        assertThat(refused.getResponseHeaders().getFirst("Retry-After")).isNotBlank();
        login("admin", "admin-demo-2026", "203.0.113.51", 200);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'auth.address-locked'" + " AND target = '"
                        + attacker + "'"))
                .isEqualTo(1);
    }

    @Test
    void shouldAnswerUnknownUsersInTheSameTimeAsKnownOnes() {
        int samples = 15;
        for (int i = 0; i < samples; i++) {
            createUser("timing-" + i, "timing-password-" + i);
        }
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < samples; i++) {
                // a fresh address per attempt keeps the address limit out of the measurement
                String from = "192.0.2." + (round * samples + i + 1);
                long t0 = System.nanoTime();
                login("timing-" + i, "wrong-password", from, 401);
                long t1 = System.nanoTime();
                login("ghost-" + round + "-" + i, "wrong-password", from, 401);
                long t2 = System.nanoTime();
                if (round > 0) { // round 0 warms up
                    known.add(t1 - t0);
                    unknown.add(t2 - t1);
                }
            }
        }
        long k = median(known);
        long u = median(unknown);
        // without the dummy check an unknown name was answered in a few ms, a known one after bcrypt
        assertThat(Math.abs(k - u))
                .as("median known %d ms, unknown %d ms", k / 1_000_000, u / 1_000_000)
                .isLessThanOrEqualTo(Math.max(25_000_000L, k / 4));
    }

    @Test
    void shouldKeepTheAuditLogSmallAndFreeOfTypedNamesUnderManyGuesses() {
        String from = "198.51.100.200";
        long before = count("SELECT COUNT(*) FROM audit_event WHERE client_ip = '" + from + "'");
        for (int i = 0; i < 200; i++) {
            http.post()
                    .uri("/api/auth/login")
                    .header("X-Forwarded-For", from)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("username", "user", "password", "guess-" + i))
                    .exchange()
                    .expectStatus()
                    .value(s -> assertThat(s).isIn(401, 429));
        }
        long rows = count("SELECT COUNT(*) FROM audit_event WHERE client_ip = '" + from + "'") - before;
        // one row for the first failure and one for the lock per lock period, not one per attempt
        assertThat(rows).isBetween(1L, 8L);

        // a password typed into the name field is neither in the audit log nor in the throttle table
        login("MyS3cret-Passw0rd", "whatever", "198.51.100.201", 401);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE target LIKE '%MyS3cret%'"
                        + " OR details LIKE '%MyS3cret%'"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'auth.login-failed'"
                        + " AND client_ip = '198.51.100.201' AND target IS NULL"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM login_throttle WHERE subject LIKE '%MyS3cret%'"))
                .isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldAcceptPasswordsLongerThanBcryptReads() {
        Map<String, Object> created = createUser("long-pw", LONG_PASSWORD);
        login("long-pw", LONG_PASSWORD, "198.51.100.30", 200);
        login("long-pw", LONG_PASSWORD.substring(0, 29) + "短", "198.51.100.30", 401);

        String changed = "新密码" + LONG_PASSWORD;
        http.put()
                .uri("/api/admin/users/{id}", created.get("id"))
                .header("Authorization", "Bearer " + secadmin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("password", changed))
                .exchange()
                .expectStatus()
                .isOk();
        login("long-pw", changed, "198.51.100.30", 200);
        login("long-pw", LONG_PASSWORD, "198.51.100.30", 401);
        // a long guess against any account is a wrong password, not a server error
        login("expert2", LONG_PASSWORD + LONG_PASSWORD, "198.51.100.31", 401);
    }

    @Test
    void shouldDeleteStaleThrottleRowsOnASuccessfulLogin() {
        server.bean(DatabaseClient.class)
                .sql("INSERT INTO login_throttle (subject, failures, last_failure_at) VALUES ('user:stale', 1, :at)")
                .bind("at", java.time.OffsetDateTime.parse("2020-01-01T00:00:00Z"))
                .then()
                .block(Duration.ofSeconds(10));

        login("admin", "admin-demo-2026", "198.51.100.40", 200);

        assertThat(count("SELECT COUNT(*) FROM login_throttle WHERE subject = 'user:stale'"))
                .isZero();
    }

    /**
     * {@code n} wrong guesses at once, sent with the JDK's client (the WebTestClient shares its event loops
     * with the server in this JVM; with 20 blocking callers at once its requests stalled).
     */
    private List<Integer> parallelGuesses(String username, String from, int n) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            answers.add(client.sendAsync(
                    HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/auth/login"))
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json")
                            .header("X-Forwarded-For", from)
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"username\":\"" + username + "\",\"password\":\"wrong-" + i + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> a : answers) {
            statuses.add(a.get(90, TimeUnit.SECONDS).statusCode());
        }
        assertThat(statuses).allSatisfy(s -> assertThat(s).isIn(401, 429, 503));
        return statuses;
    }

    @SuppressWarnings("rawtypes")
    private EntityExchangeResult<Map> login(String username, String password, String from, int status) {
        var spec = http.post()
                .uri("/api/auth/login")
                .header("X-Forwarded-For", from)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password))
                .exchange();
        if (status > 0) {
            spec.expectStatus().isEqualTo(status);
        }
        return spec.expectBody(Map.class).returnResult();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> createUser(String username, String password) {
        return http.post()
                .uri("/api/admin/users")
                .header("Authorization", "Bearer " + secadmin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "username", username,
                        "password", password,
                        "displayName", username,
                        "roles", Set.of("USER")))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    private long count(String sql) {
        return server.bean(DatabaseClient.class)
                .sql(sql)
                .map(r -> ((Number) r.get(0)).longValue())
                .one()
                .block(Duration.ofSeconds(10));
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
