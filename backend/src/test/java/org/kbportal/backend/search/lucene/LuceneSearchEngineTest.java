package org.kbportal.backend.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kbportal.backend.search.Candidates;
import org.kbportal.backend.search.EngineQuery;
import org.kbportal.backend.search.IndexDoc;
import org.kbportal.backend.search.SearchEngine;
import org.kbportal.backend.search.SearchResult;

/** Lucene-specific behaviour: on-disk generations, restart, crash during a rebuild. */
class LuceneSearchEngineTest {

    @TempDir
    Path dir;

    static IndexDoc doc(String id, String lang, String status, String title, String body, float[] vector) {
        return new IndexDoc(
                id, id, true, "faq", lang, "network", List.of("network"), status, title, body, List.of(), 0, vector);
    }

    static List<String> lexicalIds(SearchEngine engine, String text, boolean curator) throws Exception {
        return engine.candidates(EngineQuery.lexical(text, curator), 10).lexical().stream()
                .map(Candidates.Scored::id)
                .toList();
    }

    @Test
    void shouldMergeIntoOneSegmentAndFindTheSameUnits() throws Exception {
        try (LuceneSearchEngine engine = new LuceneSearchEngine(dir)) {
            for (int i = 0; i < 12; i++) { // every replace commits: one small segment each
                float[] v = new float[512];
                v[i] = 1;
                engine.replace(
                        List.of("U" + i),
                        List.of(doc("U" + i, "zh", i % 4 == 0 ? "DRAFT" : "PUBLISHED", "网络故障 " + i, "检查交换机", v)));
            }
            engine.replace(List.of("U1"), List.of());
            List<String> before = lexicalIds(engine, "交换机", false);
            float[] q = new float[512];
            q[5] = 1;
            EngineQuery near = new EngineQuery("交换机", List.of(), false, q, "zh", null, null, null, false);
            List<Candidates.Scored> neighboursBefore = engine.dense(near, 3);
            assertThat(engine.segments()).isGreaterThan(1);

            engine.compact();

            assertThat(engine.segments()).isEqualTo(1);
            assertThat(lexicalIds(engine, "交换机", false))
                    .containsExactlyInAnyOrderElementsOf(before)
                    .hasSize(8)
                    .doesNotContain("U0", "U1", "U4", "U8");
            assertThat(engine.dense(near, 3)).containsExactlyElementsOf(neighboursBefore);
            assertThat(engine.dense(near, 3).get(0).id()).isEqualTo("U5");
        }
    }

    @Test
    void shouldUpsertIdempotentlySurviveRestartAndHideUnpublished() throws Exception {
        try (LuceneSearchEngine engine = new LuceneSearchEngine(dir)) {
            assertThat(engine.needsRebuild()).isTrue();
            engine.replace(List.of("A"), List.of(doc("A", "zh", "PUBLISHED", "网络不通", "检查网线", null)));
            engine.replace(List.of("A"), List.of(doc("A", "zh", "PUBLISHED", "网络不通怎么办", "检查网线和交换机", null)));
            engine.replace(List.of("B"), List.of(doc("B", "zh", "DRAFT", "网络草稿", "草稿", null)));
            assertThat(lexicalIds(engine, "网络", false)).containsExactly("A");
            assertThat(lexicalIds(engine, "网络", true)).containsExactlyInAnyOrder("A", "B");
            assertThat(engine.articleCount()).isEqualTo(2);
        }
        try (LuceneSearchEngine reopened = new LuceneSearchEngine(dir)) {
            assertThat(reopened.needsRebuild()).isFalse();
            assertThat(reopened.hits(lexicalIds(reopened, "交换机", false), EngineQuery.lexical("交换机", false)))
                    .extracting(SearchResult.Hit::title)
                    .containsExactly("网络不通怎么办");
        }
    }

    @Test
    void shouldRebuildAnIndexOfAnOlderLayout() throws Exception {
        try (LuceneSearchEngine engine = new LuceneSearchEngine(dir)) {
            engine.replace(List.of("A"), List.of(doc("A", "zh", "PUBLISHED", "网络不通", "检查网线", null)));
        }
        Path generation = dir.resolve(
                java.nio.file.Files.readString(dir.resolve("current")).strip());
        try (var d = org.apache.lucene.store.FSDirectory.open(generation);
                var w = new org.apache.lucene.index.IndexWriter(d, new org.apache.lucene.index.IndexWriterConfig())) {
            w.setLiveCommitData(java.util.Map.of(Generation.FORMAT_KEY, "1").entrySet());
            w.commit(); // what an earlier version left behind
        }
        try (LuceneSearchEngine reopened = new LuceneSearchEngine(dir)) {
            assertThat(reopened.needsRebuild()).isTrue();
            assertThat(reopened.articleCount()).isZero();
        }
    }

    @Test
    void shouldStemEnglishFoldFullWidthAndEscapeSnippets() throws Exception {
        try (LuceneSearchEngine engine = new LuceneSearchEngine(dir)) {
            engine.replace(
                    List.of("E"),
                    List.of(doc(
                            "E",
                            "en",
                            "PUBLISHED",
                            "Restarting the VPN gateway",
                            "Restart it <b>carefully</b> & check the tunnels.",
                            null)));
            EngineQuery q = EngineQuery.lexical("ＶＰＮ restarts", false);
            assertThat(engine.hits(lexicalIds(engine, "ＶＰＮ restarts", false), q))
                    .singleElement()
                    .satisfies(h -> assertThat(h.snippet())
                            .contains("<em>Restart</em>")
                            .contains("&lt;b&gt;")
                            .contains("&amp;")
                            .doesNotContain("<b>"));
            assertThat(engine.candidates(EngineQuery.lexical("the of and", false), 10)
                            .lexicalTotal())
                    .isZero();
            assertThat(lexicalIds(engine, "title:x AND (VPN", false)).containsExactly("E");
        }
    }

    @Test
    void shouldFindNearestVectorsAndTypos() throws Exception {
        float[] a = unit(0);
        float[] b = unit(1);
        try (LuceneSearchEngine engine = new LuceneSearchEngine(dir)) {
            engine.replace(
                    List.of("V1", "V2"),
                    List.of(
                            doc("V1", "en", "PUBLISHED", "Reset a password", "Use the self-service page.", a),
                            doc("V2", "en", "PUBLISHED", "Printer offline", "Check the cable.", b)));
            EngineQuery near = new EngineQuery("zzz", List.of(), false, b, "en", null, null, null, false);
            Candidates c = engine.candidates(near, 10);
            assertThat(c.dense().get(0).id()).isEqualTo("V2");
            assertThat(c.dense().get(0).score()).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
            assertThat(lexicalIds(engine, "pasword", false)).isEmpty();
            assertThat(engine.candidates(EngineQuery.lexical("pasword", false).withFuzzy(), 10)
                            .lexical())
                    .extracting(Candidates.Scored::id)
                    .containsExactly("V1");
            assertThat(engine.didYouMean("reset pasword")).contains("reset password");
            assertThat(engine.suggest("Reset a pass", false, 5)).containsExactly("Reset a password");
        }
    }

    @Test
    void shouldKeepServingTheOldIndexUntilARebuildCommitsAndAfterACrash() throws Exception {
        try (LuceneSearchEngine engine = new LuceneSearchEngine(dir)) {
            engine.replace(List.of("OLD"), List.of(doc("OLD", "zh", "PUBLISHED", "旧文章", "旧内容", null)));
            SearchEngine.Rebuild rebuild = engine.beginRebuild();
            rebuild.stage(List.of(doc("NEW", "zh", "PUBLISHED", "新文章", "新内容", null)));
            assertThat(lexicalIds(engine, "文章", false)).containsExactly("OLD");
            rebuild.commit();
            assertThat(lexicalIds(engine, "文章", false)).containsExactly("NEW");
            // a rebuild that never commits (the process dies) changes nothing
            engine.beginRebuild().stage(List.of(doc("LOST", "zh", "PUBLISHED", "丢失文章", "x", null)));
        }
        try (LuceneSearchEngine reopened = new LuceneSearchEngine(dir)) {
            assertThat(reopened.needsRebuild()).isFalse();
            assertThat(lexicalIds(reopened, "文章", false)).containsExactly("NEW");
        }
    }

    @Test
    void shouldReleaseEveryWriterWhenClosedDuringOrBeforeARebuild() throws Exception {
        LuceneSearchEngine engine = new LuceneSearchEngine(dir);
        engine.replace(List.of("OLD"), List.of(doc("OLD", "zh", "PUBLISHED", "旧文章", "旧内容", null)));
        engine.flush();
        SearchEngine.Rebuild running = engine.beginRebuild();
        running.stage(List.of(doc("NEW", "zh", "PUBLISHED", "新文章", "新内容", null)));
        // the application stops while the rebuild runs: its commit may not swap in a generation nobody closes
        engine.close();
        org.assertj.core.api.Assertions.assertThatThrownBy(running::commit).isInstanceOf(RuntimeException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(engine::beginRebuild)
                .isInstanceOf(IllegalStateException.class);
        engine.close();
        // the next start in the same JVM opens the index: no write lock left behind
        try (LuceneSearchEngine reopened = new LuceneSearchEngine(dir)) {
            assertThat(lexicalIds(reopened, "文章", false)).containsExactly("OLD");
        }
    }

    static float[] unit(int axis) {
        float[] v = new float[384];
        v[axis] = 1f;
        return v;
    }
}
