package org.kbportal.backend.search.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kbportal.backend.search.SearchEngine;
import org.kbportal.backend.search.SearchEngineContract;
import org.kbportal.backend.testing.ElasticsearchNode;

/**
 * The search contract on a real Elasticsearch node (the integ-test distribution: no analysis-common
 * module, so no stemming), plus what only this engine has: the analyzer probe, the alias and its
 * physical indices, and the mapping-version check.
 */
class ElasticsearchSearchEngineIT extends SearchEngineContract {

    private static ElasticsearchNode node;
    private static ElasticsearchClient admin;

    @BeforeAll
    static void startNode() {
        node = ElasticsearchNode.get();
        admin = ElasticsearchSearchEngine.connect(List.of(node.uri()), ElasticsearchAccess.OPEN);
    }

    @AfterAll
    static void closeAdmin() throws IOException {
        admin._transport().close();
    }

    @Override
    protected SearchEngine newEngine(Path dir) throws IOException {
        return new ElasticsearchSearchEngine(List.of(node.uri()), alias(dir));
    }

    /** The same directory names the same alias, so reopening finds the same index. */
    private static String alias(Path dir) {
        return "kb-test-" + Integer.toHexString(dir.toAbsolutePath().toString().hashCode());
    }

    private static Set<String> physicalIndices(String alias) throws IOException {
        return admin.indices().getAlias(g -> g.name(alias)).result().keySet();
    }

    private static Set<String> allIndices(String alias) throws IOException {
        return admin.indices().get(g -> g.index(alias + "-*")).result().keySet();
    }

    @Test
    void shouldBuildTheBestAnalyzerTheNodeOffers() {
        String description = ((ElasticsearchSearchEngine) engine).analyzerDescription();

        // the integ-test node has lowercase and stop, but no possessive, cjk_width or porter_stem filters
        assertThat(description)
                .startsWith("kb_text = standard tokenizer → lowercase → stop(_english_)")
                .contains("node lacks possessive_english, cjk_width, porter_stem");
    }

    @Test
    void shouldSwapTheAliasToANewPhysicalIndexAndDeleteTheOldOne() throws IOException {
        String alias = alias(dir);
        Set<String> before = physicalIndices(alias);

        SearchEngine.Rebuild rebuild = engine.beginRebuild();
        rebuild.stage(CORPUS);
        assertThat(allIndices(alias)).hasSize(2).containsAll(before);
        rebuild.commit();

        Set<String> after = physicalIndices(alias);
        assertThat(after).hasSize(1).doesNotContainAnyElementsOf(before);
        assertThat(after.iterator().next()).startsWith(alias + "-");
        assertThat(allIndices(alias)).isEqualTo(after);

        engine.beginRebuild().abort();
        assertThat(allIndices(alias)).isEqualTo(after);
    }

    @Test
    void shouldKeepServingAnOutdatedIndexUntilARebuildReplacesIt() throws IOException {
        String alias = alias(dir);
        engine.close();
        admin.indices().putMapping(p -> p.index(alias).meta(UnitMapping.META_VERSION, JsonData.of("0")));

        engine = newEngine(dir);

        assertThat(engine.needsRebuild()).isTrue();
        assertThat(ids(engine.candidates(query("vpn"), 10).lexical())).containsExactly("FAQ-2");
        SearchEngine.Rebuild rebuild = engine.beginRebuild();
        rebuild.stage(CORPUS);
        rebuild.commit();
        engine.close();
        engine = newEngine(dir);
        assertThat(engine.needsRebuild()).isFalse();
        assertThat(engine.articleCount()).isEqualTo(8);
    }

    @Test
    void shouldReplaceAConcreteIndexThatTakesTheAliasName() throws IOException {
        Path squatted = dir.resolve("squatted");
        String alias = alias(squatted);
        admin.indices().create(c -> c.index(alias));

        try (SearchEngine created = newEngine(squatted)) {
            assertThat(created.needsRebuild()).isTrue();
            created.replace(List.of("FAQ-1"), List.of(FAQ_1));
            assertThat(created.articleCount()).isEqualTo(1);
        }
        assertThat(physicalIndices(alias)).singleElement().asString().startsWith(alias + "-");
    }
}
