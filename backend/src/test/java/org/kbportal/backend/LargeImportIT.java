package org.kbportal.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kbportal.backend.testing.BackendServer;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;

/**
 * 100,000 NDJSON lines in one request, streamed from the client too, into a JVM whose heap is
 * capped (failsafe runs with -Xmx768m): the import must stream, not buffer.
 */
class LargeImportIT {

    static final int LINES = 100_000;

    @Test
    @SuppressWarnings("unchecked")
    void shouldImportOneHundredThousandLinesInOneRequest() {
        try (BackendServer server = BackendServer.start(
                BackendServer.tempDataDir(
                        "kb-bulk-it"), // the streaming import is under test here, not ranking: lexical only
                Map.of("kb.seed.index-data", "false", "kb.search.embeddings", "false"))) {
            String token = server.login("admin", "admin-demo-2026");
            DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
            Flux<DataBuffer> body = Flux.range(0, LINES / 1000).map(chunk -> {
                StringBuilder sb = new StringBuilder();
                for (int i = chunk * 1000; i < (chunk + 1) * 1000; i++) {
                    sb.append("{\"id\":\"BULK-")
                            .append(i)
                            .append("\",\"lang\":\"")
                            .append(i % 2 == 0 ? "en" : "zh")
                            .append("\",\"type\":\"faq\",\"category\":\"database\",\"title\":\"批量问题 ")
                            .append(i)
                            .append(" connection pool exhausted\",\"body\":\"第")
                            .append(i)
                            .append("条答案：检查连接池配置 maxActive 并重启服务。 token")
                            .append(i)
                            .append("\"}\n");
                }
                return buffers.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
            });
            Map<String, Object> r = server.client()
                    .mutate()
                    .responseTimeout(java.time.Duration.ofMinutes(5)) // 100,000 lines on a slow CI machine
                    .build()
                    .post()
                    .uri("/api/admin/import")
                    .header("Authorization", "Bearer " + token)
                    .contentType(MediaType.parseMediaType("application/x-ndjson"))
                    .body(body, DataBuffer.class)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody();
            assertThat(r.get("imported")).isEqualTo(LINES);
            assertThat(r.get("failedTotal")).isEqualTo(0);
            server.client()
                    .get()
                    .uri("/api/search?q=token99999")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.hits[0].id")
                    .isEqualTo("BULK-99999");
        }
    }
}
