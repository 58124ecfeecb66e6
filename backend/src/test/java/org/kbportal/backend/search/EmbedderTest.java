package org.kbportal.backend.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class EmbedderTest {

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    /**
     * The platform upgrade took langchain4j's embedding jars from 0.36.2 to 1.11.0-beta19: the same
     * models must give the same vectors, or every stored vector (unit_vector) would disagree with new
     * queries. The reference file was written by the previous release's Embedder (commit 839b193).
     */
    @Test
    void shouldGiveTheVectorsThePreviousReleaseGave() throws Exception {
        JsonNode reference;
        try (InputStream in = getClass().getResourceAsStream("/embedder-vectors-langchain4j-0.36.2.json")) {
            reference = new ObjectMapper().readTree(in);
        }
        assertThat(reference.size()).isEqualTo(5);
        try (Embedder embedder = new Embedder(true, 600, true)) {
            for (JsonNode r : reference) {
                String text = r.get("text").asString();
                String lang = r.get("lang").asString();
                assertThat(cosine(embedder.embedQuery(text, lang), floats(r.get("query"))))
                        .as("query " + text)
                        .isGreaterThan(0.9999);
                assertThat(cosine(embedder.embedPassages(List.of(text), lang).get(0), floats(r.get("passage"))))
                        .as("passage " + text)
                        .isGreaterThan(0.9999);
            }
        }
    }

    @Test
    void closingWaitsForTheBatchInFlightAndRefusesLaterCalls() throws Exception {
        Embedder embedder = new Embedder(true, 2000, true);
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            batch.add("数据库主备切换后应用连接超时，第 " + i + " 次排查记录。".repeat(8));
        }
        CompletableFuture<List<float[]>> running =
                CompletableFuture.supplyAsync(() -> embedder.embedPassages(batch, "zh"));
        Thread.sleep(300); // the batch is inside ONNX now (it takes seconds on two cores)
        embedder.close();
        // close returned only after the batch: every vector is there (a JVM exiting meanwhile crashed)
        assertThat(running.get(1, TimeUnit.SECONDS))
                .hasSize(64)
                .allSatisfy(v -> assertThat(v).hasSize(512));
        assertThatThrownBy(() -> embedder.embedQuery("打印机脱机", "zh")).isInstanceOf(IllegalStateException.class);
    }

    private static float[] floats(JsonNode array) {
        float[] v = new float[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).floatValue();
        }
        return v;
    }

    @Test
    void shouldGiveTheSameVectorsWithTheSingleThreadedSessionAsWithTheJarDefaults() {
        try (Embedder tuned = new Embedder(true, 600, true);
                Embedder stock = new Embedder(true, 600, false)) {
            for (String[] q : new String[][] {{"数据库连接池耗尽怎么办", "zh"}, {"nginx returns 502 bad gateway", "en"}}) {
                float[] a = tuned.embedQuery(q[0], q[1]);
                float[] b = stock.embedQuery(q[0], q[1]);
                assertThat(a).hasSameSizeAs(b).hasSize("zh".equals(q[1]) ? 512 : 384);
                assertThat(cosine(a, b)).isGreaterThan(0.9999);
            }
            float[] related = tuned.embedQuery("数据库连接数满了", "zh");
            float[] unrelated = tuned.embedQuery("打印机卡纸", "zh");
            float[] query = tuned.embedQuery("数据库连接池耗尽怎么办", "zh");
            assertThat(cosine(query, related)).isGreaterThan(cosine(query, unrelated));
        }
    }

    @Test
    void shouldEmbedQueriesThroughTheDirectPathAsLangchain4jWould() {
        String longChinese = "数据库主备切换后应用连接超时，".repeat(60); // > 512 tokens: the chunked path
        String[][] texts = {
            {"数据库连接池耗尽怎么办", "zh"},
            {"VPN 客户端报错 809，怎么处理？", "zh"},
            {"蓝屏 0x0000007B 开机就重启", "zh"},
            {"Oracle RAC 节点驱逐 ORA-29740", "zh"},
            {"nginx returns 502 bad gateway", "en"},
            {"How do I reset the AD password for a locked-out user?", "en"},
            {"café naïve résumé 😀 ß", "en"},
            {"x", "en"},
            {longChinese, "zh"}
        };
        try (Embedder direct = new Embedder(true, 2000, true);
                Embedder stock = new Embedder(true, 2000, false)) {
            for (String[] t : texts) {
                float[] a = direct.embedQuery(t[0], t[1]);
                float[] b = stock.embedQuery(t[0], t[1]);
                assertThat(a).hasSameSizeAs(b);
                assertThat(cosine(a, b)).as(t[0]).isGreaterThan(0.9999);
                double norm = 0;
                for (float x : a) {
                    norm += x * x;
                }
                assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
            }
        }
    }
}
