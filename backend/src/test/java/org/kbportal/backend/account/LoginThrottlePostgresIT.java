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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kbportal.backend.testing.BackendServer;
import org.kbportal.backend.testing.PostgresCluster;

/**
 * Two instances on one PostgreSQL database share the login throttle: guesses spread over both lock
 * the account after exactly {@code max-failures} checks in total, the lock holds on both, and an
 * unlock on one is seen by the other.
 */
class LoginThrottlePostgresIT {

    private static final int MAX_FAILURES = 5;

    @Test
    void shouldShareFailuresAndLocksAcrossInstances() throws Exception {
        try (PostgresCluster pg = PostgresCluster.start("kb")) {
            Map<String, String> settings = pg.backendSettings(
                    "kb",
                    Map.of(
                            "kb.seed.index-data", "false",
                            "kb.search.embeddings", "false",
                            "kb.login.max-failures", String.valueOf(MAX_FAILURES)));
            try (BackendServer one = BackendServer.start(BackendServer.tempDataDir("kb-login-pg-1"), settings);
                    BackendServer two = BackendServer.start(BackendServer.tempDataDir("kb-login-pg-2"), settings)) {
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    BackendServer target = i % 2 == 0 ? one : two;
                    answers.add(http.sendAsync(
                            login(target, "expert", "wrong-" + i, "198.51.100." + (i + 1)),
                            HttpResponse.BodyHandlers.ofString()));
                }
                List<Integer> statuses = new ArrayList<>();
                for (CompletableFuture<HttpResponse<String>> a : answers) {
                    statuses.add(a.get(90, TimeUnit.SECONDS).statusCode());
                }
                assertThat(statuses.stream().filter(s -> s == 401)).hasSize(MAX_FAILURES);
                assertThat(statuses.stream().filter(s -> s == 429)).hasSize(20 - MAX_FAILURES);

                assertThat(status(http, one, "expert", "expert-demo-2026")).isEqualTo(429);
                assertThat(status(http, two, "expert", "expert-demo-2026")).isEqualTo(429);

                String admin = one.login("admin", "admin-demo-2026");

                String secadmin = one.login("secadmin", "secadmin-demo-2026");
                one.client()
                        .post()
                        .uri("/api/admin/users/expert/unlock")
                        .header("Authorization", "Bearer " + secadmin)
                        .exchange()
                        .expectStatus()
                        .isOk();
                assertThat(status(http, two, "expert", "expert-demo-2026")).isEqualTo(200);
            }
        }
    }

    private static HttpRequest login(BackendServer s, String username, String password, String from) {
        return HttpRequest.newBuilder(URI.create(s.baseUrl() + "/api/auth/login"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", from)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .build();
    }

    private static int status(HttpClient http, BackendServer s, String username, String password) throws Exception {
        return http.send(login(s, username, password, "198.51.100.99"), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }
}
