package org.kbportal.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kbportal.backend.testing.BackendServer;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * First start with the shipped knowledge, a second start on the same data directory (nothing added
 * twice), and a start with a deleted or corrupted index (rebuilt from the database).
 */
class SeedAndRestartIT {

    @Test
    @SuppressWarnings("unchecked")
    void shouldSeedOnceFindSeededKnowledgeAndRebuildALostIndex() throws IOException {
        Path dir = BackendServer.tempDataDir("kb-seed-it");
        long articles;
        try (BackendServer first = BackendServer.start(dir, Map.of())) {
            WebTestClient http = first.client();
            articles = total(http, "/api/articles?size=1");
            assertThat(articles).isGreaterThanOrEqualTo(150 + 6 + 40);
            for (String q : new String[] {"数据库备份", "网络不通", "backup"}) {
                Map<String, Object> r = http.get()
                        .uri("/api/search?q={q}", q)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
                List<Map<String, Object>> hits = (List<Map<String, Object>>) r.get("hits");
                assertThat(hits).as(q).hasSizeGreaterThanOrEqualTo(3);
                assertThat(hits.subList(0, 3))
                        .as(q)
                        .allSatisfy(h -> assertThat((String) h.get("snippet")).contains("<em>"));
            }
            assertThat(total(http, "/api/articles?type=manual&size=1")).isGreaterThanOrEqualTo(6);
            assertThat(total(http, "/api/articles?type=case&size=1")).isGreaterThanOrEqualTo(40);
            assertThat(total(http, "/api/articles?lang=en&size=1")).isPositive();
            // the query log is written behind the searches: a search just before a stop is not lost (the
            // knowledge base has no answer to it, which the log records as a zero-result search)
            assertThat(total(http, "/api/search?q=重启之前的最后一次搜索")).isNotNegative();
        }
        try (BackendServer second = BackendServer.start(dir, Map.of())) {
            assertThat(second.bean(org.springframework.r2dbc.core.DatabaseClient.class)
                            .sql("SELECT COUNT(*) AS n FROM search_log WHERE query = '重启之前的最后一次搜索'")
                            .map(r -> ((Number) r.get("n")).longValue())
                            .one()
                            .block(java.time.Duration.ofSeconds(10)))
                    .isEqualTo(1L);
            assertThat(total(second.client(), "/api/articles?size=1")).isEqualTo(articles);
            second.client()
                    .get()
                    .uri("/api/articles/FAQ-DB-001/versions")
                    .header("Authorization", "Bearer " + second.login("admin", "admin-demo-2026"))
                    .exchange()
                    .expectBody()
                    .jsonPath("$.length()")
                    .isEqualTo(1);
        }
        // lose the index: it is rebuilt from the database at start-up
        deleteTree(dir.resolve("index"));
        try (BackendServer third = BackendServer.start(dir, Map.of("kb.seed.index-data", "false"))) {
            // nothing to embed here (the rebuild reuses stored vectors), yet both query models load at
            // start-up, so the first search does not wait for them
            org.kbportal.backend.search.Embedder embedder = third.bean(org.kbportal.backend.search.Embedder.class);
            long deadline = System.currentTimeMillis() + 30_000;
            while (embedder.loadedModels().size() < 2 && System.currentTimeMillis() < deadline) {
                sleep(50);
            }
            assertThat(embedder.loadedModels()).containsExactly("en", "zh");
            assertThat(total(third.client(), "/api/search?q=数据库备份")).isPositive();
        }
        // corrupt it: same
        try (Stream<Path> files = Files.list(dir.resolve("index"))) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("segments"))
                    .toList()) {
                Files.write(p, new byte[] {1, 2, 3});
            }
        }
        try (BackendServer fourth = BackendServer.start(dir, Map.of("kb.seed.index-data", "false"))) {
            assertThat(total(fourth.client(), "/api/search?q=网络不通")).isPositive();
        }
    }

    @SuppressWarnings("unchecked")
    private static long total(WebTestClient http, String uri) {
        Map<String, Object> r = http.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return ((Number) r.get("total")).longValue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
