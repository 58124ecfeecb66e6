package org.kbportal.backend.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}
