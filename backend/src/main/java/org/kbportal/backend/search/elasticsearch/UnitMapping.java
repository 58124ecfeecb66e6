package org.kbportal.backend.search.elasticsearch;

import co.elastic.clients.elasticsearch._types.mapping.DenseVectorIndexOptionsType;
import co.elastic.clients.elasticsearch._types.mapping.DenseVectorSimilarity;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.indices.CreateIndexRequest;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import co.elastic.clients.json.JsonData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kbportal.backend.search.IndexDoc;

/**
 * The physical index of units: explicit field types, one shard (BM25 statistics over the whole corpus,
 * as in the embedded engine), a replica when the cluster has a second node, and a {@code _meta} that
 * records the mapping version and the analyzer so a change of either is detected at start-up.
 */
final class UnitMapping {

    /** Bump when the mapping changes: a stored index with another version is rebuilt. */
    static final String VERSION = "4"; // 4: pipes outside tables kept in the body (shell commands)

    static final String META_VERSION = "kb_mapping_version";
    static final String META_ANALYZER = "kb_analyzer";

    static final String ID = "id";
    static final String ARTICLE_ID = "articleId";
    static final String PRIMARY = "primary";
    static final String TYPE = "type";
    static final String LANG = "lang";
    static final String CATEGORY = "category";
    static final String CATEGORY_PATH = "categoryPath";
    static final String STATUS = "status";
    static final String TITLE = "title";
    static final String BODY = "body";
    static final String TAGS = "tags";
    static final String UPDATED_AT = "updatedAt";
    /** Title, body and tags analysed by the application ({@link AppAnalysis}): the fields BM25 scores. */
    static final String TITLE_TERMS = "titleTerms";

    static final String BODY_TERMS = "bodyTerms";
    static final String TAGS_TERMS = "tagsTerms";
    /** Indexes the application's terms as they are. */
    static final String TERMS_ANALYZER = "whitespace";
    /** Unstemmed words of title and body, only for spelling suggestions. */
    static final String SPELL = "spell";

    static final List<String> LANGS = List.of("zh", "en");
    /** bge-small-zh-v1.5 makes 512 dimensions, bge-small-en-v1.5 384. */
    static int dims(String lang) {
        return "zh".equals(lang) ? 512 : 384;
    }

    private UnitMapping() {}

    /** The dense vector field holding vectors of units in {@code lang}. */
    static String vectorField(String lang) {
        return "vec_" + lang;
    }

    static CreateIndexRequest create(String index, String alias, TextAnalysis analysis) {
        return CreateIndexRequest.of(c -> {
            c.index(index).settings(settings(analysis, false)).mappings(mapping(analysis));
            if (alias != null) {
                c.aliases(alias, a -> a);
            }
            return c;
        });
    }

    /** Index settings; {@code bulkLoad} turns periodic refresh off while a rebuild fills the index. */
    static IndexSettings settings(TextAnalysis analysis, boolean bulkLoad) {
        return IndexSettings.of(s -> {
            s.numberOfShards("1").autoExpandReplicas("0-1").analysis(analysis.settings());
            if (bulkLoad) {
                s.refreshInterval(t -> t.time("-1"));
            }
            return s;
        });
    }

    static TypeMapping mapping(TextAnalysis analysis) {
        String analyzer = analysis.analyzerName();
        return TypeMapping.of(m -> {
            m.dynamic(DynamicMapping.False)
                    .meta(META_VERSION, JsonData.of(VERSION))
                    .meta(META_ANALYZER, JsonData.of(analysis.description()))
                    .properties(ID, p -> p.keyword(k -> k))
                    .properties(ARTICLE_ID, p -> p.keyword(k -> k))
                    .properties(PRIMARY, p -> p.keyword(k -> k))
                    .properties(TYPE, p -> p.keyword(k -> k))
                    .properties(LANG, p -> p.keyword(k -> k))
                    .properties(CATEGORY, p -> p.keyword(k -> k))
                    .properties(CATEGORY_PATH, p -> p.keyword(k -> k))
                    .properties(STATUS, p -> p.keyword(k -> k))
                    .properties(TITLE, p -> p.text(t -> t.analyzer(analyzer).copyTo(SPELL)))
                    .properties(BODY, p -> p.text(t -> t.analyzer(analyzer).copyTo(SPELL)))
                    .properties(TAGS, p -> p.text(t -> t.analyzer(analyzer)))
                    .properties(TITLE_TERMS, p -> p.text(t -> t.analyzer(TERMS_ANALYZER)))
                    .properties(BODY_TERMS, p -> p.text(t -> t.analyzer(TERMS_ANALYZER)))
                    .properties(TAGS_TERMS, p -> p.text(t -> t.analyzer(TERMS_ANALYZER)))
                    .properties(SPELL, p -> p.text(t -> t.analyzer("standard").norms(false)))
                    .properties(UPDATED_AT, p -> p.long_(l -> l));
            for (String lang : LANGS) {
                // float HNSW, not the int8 default: similarities must be exact cosines, as in Lucene
                m.properties(
                        vectorField(lang),
                        p -> p.denseVector(v -> v.dims(dims(lang))
                                .index(true)
                                .similarity(DenseVectorSimilarity.Cosine)
                                .indexOptions(o -> o.type(DenseVectorIndexOptionsType.Hnsw)
                                        .m(16)
                                        .efConstruction(100))));
            }
            return m;
        });
    }

    /** The JSON source of a unit; its vector goes into the field of its language. */
    static Map<String, Object> source(IndexDoc d) {
        Map<String, Object> s = new HashMap<>();
        s.put(ID, d.id());
        s.put(ARTICLE_ID, d.articleId());
        s.put(PRIMARY, String.valueOf(d.primary()));
        s.put(TYPE, d.type());
        s.put(LANG, d.lang());
        if (d.category() != null && !d.category().isEmpty()) {
            s.put(CATEGORY, d.category());
        }
        s.put(CATEGORY_PATH, d.categoryPath() == null ? List.of() : d.categoryPath());
        s.put(STATUS, d.status());
        s.put(TITLE, d.title() == null ? "" : d.title());
        s.put(BODY, d.body() == null ? "" : d.body());
        s.put(TAGS, d.tags() == null ? List.of() : d.tags());
        s.put(TITLE_TERMS, AppAnalysis.terms(d.title()));
        s.put(BODY_TERMS, AppAnalysis.terms(d.body()));
        s.put(TAGS_TERMS, AppAnalysis.terms(d.tags()));
        s.put(UPDATED_AT, d.updatedAt());
        if (d.vector() != null && LANGS.contains(d.lang()) && nonZero(d.vector())) {
            s.put(vectorField(d.lang()), d.vector());
        }
        return s;
    }

    // cosine is undefined for a zero vector and Elasticsearch rejects the document
    private static boolean nonZero(float[] v) {
        for (float x : v) {
            if (x != 0f) {
                return true;
            }
        }
        return false;
    }

    /** The mapping version and analyzer stored in an index's {@code _meta}, or null when absent. */
    static Map<String, String> storedMeta(TypeMapping mapping) {
        Map<String, String> meta = new HashMap<>();
        if (mapping != null && mapping.meta() != null) {
            mapping.meta().forEach((k, v) -> meta.put(k, v.to(String.class)));
        }
        return meta;
    }

    static boolean current(Map<String, String> stored, TextAnalysis analysis) {
        return VERSION.equals(stored.get(META_VERSION))
                && analysis.description().equals(stored.get(META_ANALYZER));
    }
}
