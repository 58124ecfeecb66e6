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
