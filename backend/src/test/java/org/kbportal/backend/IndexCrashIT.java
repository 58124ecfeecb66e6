package org.kbportal.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kbportal.backend.testing.BackendServer;

/**
 * Kills the backend process (SIGKILL) while the outbox is still indexing an import, restarts it on
 * the same data directory and checks that the index and the database agree: every article is in the
 * index, with its vector work finished, and each one is found by its own unique word.
 */
class IndexCrashIT {

    static final int ARTICLES = 3000;

    @Test
    @SuppressWarnings("unchecked")
    void shouldAgreeWithTheDatabaseAfterAKillDuringIndexing() throws Exception {
        Path dir = BackendServer.tempDataDir("kb-crash-it");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process backend = new ProcessBuilder(
                        java,
                        "-Xmx768m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.kbportal.backend.BackendMain",
                        "--server.port=" + port,
                        "--kb.data-dir=" + dir,
                        "--kb.seed.index-data=false")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("first-run.log").toFile())
                .start();
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port;
        try {
            awaitReady(http, base);
            String token = login(http, base);
            StringBuilder ndjson = new StringBuilder();
            for (int i = 0; i < ARTICLES; i++) {
                ndjson.append("{\"id\":\"CR-")
                        .append(i)
                        .append("\",\"lang\":\"")
                        .append(i % 2 == 0 ? "zh" : "en")
                        .append("\",\"type\":\"faq\",\"title\":\"崩溃测试问题 ")
                        .append(i)
                        .append(" crash test question\",\"body\":\"answer uniqueword")
                        .append(i)
                        .append(" 重启服务后检查日志。\"}\n");
            }
            HttpResponse<String> imported = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/admin/import"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/x-ndjson")
                            .POST(HttpRequest.BodyPublishers.ofString(ndjson.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(imported.statusCode()).isEqualTo(200);
            long pending = pending(http, base, token);
            assertThat(pending)
                    .as("the outbox still has work when the process is killed")
                    .isPositive();
        } finally {
            backend.destroyForcibly().waitFor();
        }

        try (BackendServer restarted = BackendServer.start(dir, Map.of("kb.seed.index-data", "false"))) {
            String token = restarted.login("admin", "admin-demo-2026");
            long deadline = System.currentTimeMillis() + 300_000;
            Map<String, Object> status;
            do {
                Thread.sleep(500);
                status = restarted
                        .client()
                        .get()
                        .uri("/api/admin/index/status")
                        .header("Authorization", "Bearer " + token)
                        .exchange()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
            } while (((Number) status.get("pending")).longValue() > 0 && System.currentTimeMillis() < deadline);
            assertThat(((Number) status.get("pending")).longValue()).isZero();
            assertThat(((Number) status.get("indexed")).longValue()).isEqualTo(ARTICLES);
            for (int i : List.of(0, 1, ARTICLES / 2, ARTICLES - 1)) {
                Map<String, Object> r = restarted
                        .client()
                        .get()
                        .uri("/api/search?q=uniqueword" + i)
                        .exchange()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
                List<Map<String, Object>> hits = (List<Map<String, Object>>) r.get("hits");
                assertThat(hits).isNotEmpty();
                assertThat(hits.get(0).get("id")).isEqualTo("CR-" + i);
            }
        }
    }

    private static void awaitReady(HttpClient http, String base) throws Exception {
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("backend process not ready");
    }

    private static String login(HttpClient http, String base) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"admin\",\"password\":\"admin-demo-2026\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return r.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    private static long pending(HttpClient http, String base, String token) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/admin/index/status"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return Long.parseLong(r.body().replaceAll(".*\"pending\":(\\d+).*", "$1"));
    }
}
