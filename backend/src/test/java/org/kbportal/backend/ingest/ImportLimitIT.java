package org.kbportal.backend.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kbportal.backend.testing.BackendServer;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import reactor.core.publisher.Flux;

/**
 * The NDJSON import has a total size limit ({@code kb.ingest.max-bytes}): a larger import is refused
 * with {@code 413 urn:kb:import-too-large} and stores nothing — whether it declares its length or
 * streams without one (chunked), where the valid lines before the limit would otherwise be stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportLimitIT {

    static final int MAX_BYTES = 4096;

    BackendServer server;
    String admin;

    @BeforeAll
    void start() {
        server = BackendServer.start(
                BackendServer.tempDataDir("kb-import-limit-it"),
                Map.of(
                        "kb.seed.index-data", "false",
                        "kb.search.embeddings", "false",
                        "kb.ingest.batch-size", "5",
                        "kb.ingest.max-bytes", String.valueOf(MAX_BYTES)));
        admin = server.login("admin", "admin-demo-2026");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldRefuseAnImportOverTheLimitWithALengthAndStoreNothing() {
        byte[] ndjson = lines("LEN", 60).getBytes(StandardCharsets.UTF_8);
        assertThat(ndjson.length).isGreaterThan(MAX_BYTES);

        EntityExchangeResult<Map<String, Object>> r = post(Flux.just(buffer(ndjson)), ndjson.length);

        assertThat(r.getStatus().value()).isEqualTo(413);
        assertThat(r.getResponseBody()).containsEntry("type", "urn:kb:import-too-large");
        assertStored("LEN", 0, false);
    }

    @Test
    void shouldRefuseAChunkedImportOverTheLimitAndStoreNothing() {
        // one chunk per line: valid lines arrive long before the limit is reached
        List<DataBuffer> chunks = lines("CHUNK", 60)
                .lines()
                .map(l -> buffer((l + "\n").getBytes(StandardCharsets.UTF_8)))
                .toList();

        EntityExchangeResult<Map<String, Object>> r = post(Flux.fromIterable(chunks), -1);

        assertThat(r.getStatus().value()).isEqualTo(413);
        assertThat(r.getResponseBody()).containsEntry("type", "urn:kb:import-too-large");
        assertStored("CHUNK", 0, false);
    }

    @Test
    void shouldImportWithinTheLimitChunkedOrNot() {
        byte[] ndjson = lines("OK", 5).getBytes(StandardCharsets.UTF_8);
        assertThat(ndjson.length).isLessThan(MAX_BYTES);
        assertThat(post(Flux.just(buffer(ndjson)), ndjson.length).getResponseBody())
                .containsEntry("imported", 5);
        byte[] more = lines("OKC", 5).getBytes(StandardCharsets.UTF_8);
        assertThat(post(Flux.just(buffer(more)), -1).getResponseBody()).containsEntry("imported", 5);
        assertStored("OK", 5, true);
        assertStored("OKC", 5, true);
    }

    private static String lines(String prefix, int n) {
        StringBuilder b = new StringBuilder();
        IntStream.range(0, n)
                .forEach(i -> b.append("{\"id\":\"")
                        .append(prefix)
                        .append('-')
                        .append(i)
                        .append("\",\"lang\":\"zh\",\"type\":\"faq\",\"title\":\"打印机脱机 ")
                        .append(i)
                        .append("\",\"body\":\"重启打印服务后重试。\"}\n"));
        return b.toString();
    }

    private static DataBuffer buffer(byte[] bytes) {
        return DefaultDataBufferFactory.sharedInstance.wrap(bytes);
    }

    private EntityExchangeResult<Map<String, Object>> post(Flux<DataBuffer> body, long length) {
        return server.client()
                .post()
                .uri("/api/admin/import")
                .header("Authorization", "Bearer " + admin)
                .headers(h -> {
                    if (length >= 0) {
                        h.setContentLength(length);
                    }
                })
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .body(body, DataBuffer.class)
                .exchange()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult();
    }

    private void assertStored(String prefix, int n, boolean exists) {
        for (int i = 0; i < Math.max(n, 1); i++) {
            int status = server.client()
                    .get()
                    .uri("/api/articles/" + prefix + "-" + i)
                    .header("Authorization", "Bearer " + admin)
                    .exchange()
                    .returnResult(Void.class)
                    .getStatus()
                    .value();
            assertThat(status).as(prefix + "-" + i).isEqualTo(exists ? 200 : 404);
        }
        if (!exists) {
            // none of the lines before the limit either
            for (int i = 1; i < 60; i += 7) {
                assertThat(server.client()
                                .get()
                                .uri("/api/articles/" + prefix + "-" + i)
                                .header("Authorization", "Bearer " + admin)
                                .exchange()
                                .returnResult(Void.class)
                                .getStatus()
                                .value())
                        .isEqualTo(404);
            }
        }
    }
}
