package org.kbportal.backend.search.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.SuggestMode;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.Suggestion;
import co.elastic.clients.elasticsearch.core.search.TermSuggest;
import co.elastic.clients.elasticsearch.core.search.TotalHits;
import co.elastic.clients.elasticsearch.core.search.TotalHitsRelation;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.kbportal.backend.search.Candidates;
import org.kbportal.backend.search.EngineQuery;
import org.kbportal.backend.search.SearchEngine;
import org.kbportal.backend.search.SearchResult;
import org.kbportal.backend.search.Snippets;

/** The read side of the engine: one or two search requests per port call, shaped into port records. */
final class UnitSearcher {

    /**
     * Elasticsearch's BM25 keeps the classic (k1 + 1) factor that Lucene's BM25Similarity dropped:
     * dividing it out gives the embedded engine's scores, so fusion weights mean the same on both.
     */
    static final float BM25_K1_PLUS_1 = 2.2f;

    private static final List<String> FACETS = List.of(UnitMapping.TYPE, UnitMapping.CATEGORY, UnitMapping.LANG);
    private static final int MAX_NUM_CANDIDATES = 10_000;
    private static final Pattern ENGLISH_WORD = Pattern.compile("[A-Za-z]+");

    private final ElasticsearchClient client;
    private final String alias;

    UnitSearcher(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    Candidates lexical(EngineQuery q, int window) throws IOException {
        List<Query> visible = UnitQueries.visibility(q.includeUnpublished());
        List<Query> narrowing = UnitQueries.narrowing(q);
        Query text = UnitQueries.text(q);
        if (!narrowing.isEmpty()) {
            return narrowed(q, text, visible, narrowing, window);
        }
        SearchResponse<Void> words = client.search(best(text, visible, window), Void.class);
        return new Candidates(scored(words), List.of(), total(words), exact(words), facets(words, text, visible));
    }

    /**
     * With filters chosen, one request: the filters as a post_filter narrow the hits, and each facet is
     * a filter aggregation under the other facets' filters, so selecting type=manual keeps every type in
     * the type facet and counts categories and languages of manuals only. A facet whose matches exceed
     * {@link SearchEngine#COUNT_EXACTLY_UP_TO} counts the best of them instead, as without its filter.
     */
    private Candidates narrowed(EngineQuery q, Query text, List<Query> visible, List<Query> narrowing, int window)
            throws IOException {
        Map<String, Query> own = UnitQueries.facetFilters(q);
        SearchRequest.Builder b = builder(text, visible, window).postFilter(p -> p.bool(x -> x.filter(narrowing)));
        for (String facet : FACETS) {
            List<Query> others = othersThan(own, facet);
            b.aggregations(
                    facet,
                    a -> a.filter(f -> f.bool(x -> x.filter(others)))
                            .aggregations(
                                    facet, t -> t.terms(v -> v.field(facet).size(1000))));
        }
        SearchResponse<Void> r = client.search(b.build(), Void.class);
        int overBest = Math.min(SearchEngine.FACETS_OVER_BEST, Math.max(1, window));
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (String facet : FACETS) {
            var counted = r.aggregations().get(facet).filter();
            if (counted.docCount() <= SearchEngine.COUNT_EXACTLY_UP_TO) {
                facets.put(facet, facets(counted.aggregations(), facet));
            } else if (!own.containsKey(facet)) {
                facets.put(facet, count(r.hits().hits(), facet, overBest));
            } else {
                SearchResponse<Void> best = client.search(
                        best(text, UnitQueries.concat(visible, othersThan(own, facet)), overBest), Void.class);
                facets.put(facet, count(best.hits().hits(), facet, overBest));
            }
        }
        return new Candidates(scored(r), List.of(), total(r), exact(r), facets);
    }

    private static List<Query> othersThan(Map<String, Query> own, String facet) {
        List<Query> others = new ArrayList<>();
        own.forEach((f, filter) -> {
            if (!f.equals(facet)) {
                others.add(filter);
            }
        });
        return others;
    }

    private static List<Candidates.Scored> scored(SearchResponse<Void> r) {
        return r.hits().hits().stream()
                .map(h -> new Candidates.Scored(h.id(), (float) (h.score() / BM25_K1_PLUS_1)))
                .toList();
    }

    private static long total(SearchResponse<Void> r) {
        TotalHits total = r.hits().total();
        return total == null ? r.hits().hits().size() : total.value();
    }

    private static boolean exact(SearchResponse<Void> r) {
        TotalHits total = r.hits().total();
        return total == null || total.relation() == TotalHitsRelation.Eq;
    }

    /**
     * The best {@code window} matches by score (ties by id), counted exactly up to {@link
     * SearchEngine#COUNT_EXACTLY_UP_TO} like the embedded engine, with the facet fields of each hit.
     */
    private SearchRequest best(Query text, List<Query> filters, int window) {
        return builder(text, filters, window).build();
    }

    private SearchRequest.Builder builder(Query text, List<Query> filters, int window) {
        SearchRequest.Builder b = new SearchRequest.Builder()
                .index(alias)
                .query(x -> x.bool(y -> y.must(text).filter(filters)))
                .size(Math.max(0, window))
                .source(s -> s.fetch(false))
                .trackTotalHits(t -> t.count(SearchEngine.COUNT_EXACTLY_UP_TO))
                .trackScores(true)
                .sort(s -> s.score(o -> o.order(SortOrder.Desc)))
                .sort(s -> s.field(f -> f.field(UnitMapping.ID).order(SortOrder.Asc)));
        for (String facet : FACETS) {
            b.docvalueFields(f -> f.field(facet));
        }
        return b;
    }

    /**
     * Facet counts over every match when they were counted exactly: from the hits themselves when they
     * are all there, else with one aggregation request; over the best matches when there are more than
     * {@link SearchEngine#COUNT_EXACTLY_UP_TO} (the best {@link SearchEngine#FACETS_OVER_BEST}; an
     * aggregation would visit every one of them).
     */
    private Map<String, Map<String, Long>> facets(SearchResponse<Void> words, Query text, List<Query> visible)
            throws IOException {
        TotalHits total = words.hits().total();
        boolean exact = total == null || total.relation() == TotalHitsRelation.Eq;
        if (exact && total != null && total.value() > words.hits().hits().size()) {
            SearchResponse<Void> counted = client.search(
                    s -> {
                        s.index(alias)
                                .query(x -> x.bool(y -> y.must(text).filter(visible)))
                                .size(0)
                                .trackTotalHits(t -> t.enabled(false));
                        for (String facet : FACETS) {
                            s.aggregations(
                                    facet, a -> a.terms(t -> t.field(facet).size(1000)));
                        }
                        return s;
                    },
                    Void.class);
            return facets(counted.aggregations());
        }
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (String facet : FACETS) {
            facets.put(facet, count(words.hits().hits(), facet, SearchEngine.FACETS_OVER_BEST));
        }
        return facets;
    }

    /** Counts the facet's values over the first {@code limit} hits (from their doc-value fields). */
    private static Map<String, Long> count(List<Hit<Void>> hits, String facet, int limit) {
        Map<String, Long> counts = new HashMap<>();
        for (Hit<Void> h : hits.subList(0, Math.min(limit, hits.size()))) {
            JsonData values = h.fields().get(facet);
            if (values == null) {
                continue;
            }
            for (var v : values.toJson().asJsonArray()) {
                String value = v instanceof jakarta.json.JsonString js ? js.getString() : v.toString();
                if (!value.isEmpty()) {
                    counts.merge(value, 1L, Long::sum);
                }
            }
        }
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    List<Candidates.Scored> dense(EngineQuery q, int window) throws IOException {
        List<Query> visible = UnitQueries.visibility(q.includeUnpublished());
        List<Query> narrowing = UnitQueries.narrowing(q);
        if (q.vector() == null || window < 1 || !UnitMapping.LANGS.contains(q.vectorLang())) {
            return List.of();
        }
        List<Float> vector = new ArrayList<>(q.vector().length);
        for (float x : q.vector()) {
            vector.add(x);
        }
        List<Query> filters = new ArrayList<>(visible);
        filters.addAll(narrowing);
        SearchResponse<Void> r = client.search(
                s -> s.index(alias)
                        .knn(k -> k.field(UnitMapping.vectorField(q.vectorLang()))
                                .queryVector(vector)
                                .k(Math.min(window, MAX_NUM_CANDIDATES))
                                .numCandidates(Math.min(MAX_NUM_CANDIDATES, Math.max(100, 2 * window)))
                                .filter(filters))
                        .size(window)
                        .source(c -> c.fetch(false)),
                Void.class);
        // Elasticsearch scores a cosine c as (1 + c) / 2
        return r.hits().hits().stream()
                .map(h -> new Candidates.Scored(h.id(), (float) (2 * h.score() - 1)))
                .toList();
    }

    private static Map<String, Map<String, Long>> facets(Map<String, Aggregate> aggregations) {
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (String facet : FACETS) {
            facets.put(facet, facets(aggregations, facet));
        }
        return facets;
    }

    /** The value counts of one facet's terms aggregation (named after the facet). */
    private static Map<String, Long> facets(Map<String, Aggregate> aggregations, String facet) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (StringTermsBucket b : aggregations.get(facet).sterms().buckets().array()) {
            String value = b.key().stringValue();
            if (!value.isEmpty()) {
                counts.put(value, b.docCount());
            }
        }
        return counts;
    }

    List<SearchResult.Hit> hits(List<String> unitIds, EngineQuery q) throws IOException {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        SearchResponse<UnitSource> r = client.search(
                s -> s.index(alias)
                        .query(b -> b.ids(i -> i.values(unitIds)))
                        .size(unitIds.size())
                        .source(c -> c.filter(f -> f.includes(UnitSource.FIELDS)))
                        .highlight(h -> h.encoder(HighlighterEncoder.Html)
                                .preTags("<em>")
                                .postTags("</em>")
                                .highlightQuery(UnitQueries.highlight(q))
                                .fields(
                                        UnitMapping.BODY,
                                        f -> f.fragmentSize(Snippets.FRAGMENT_CHARS)
                                                .numberOfFragments(Snippets.MAX_FRAGMENTS)
                                                .noMatchSize(0))),
                UnitSource.class);
        Map<String, SearchResult.Hit> byId = new HashMap<>();
        for (Hit<UnitSource> h : r.hits().hits()) {
            UnitSource u = h.source();
            String snippet = Snippets.of(h.highlight().get(UnitMapping.BODY), u.title(), u.body());
            String category = u.category() == null || u.category().isEmpty() ? null : u.category();
            byId.put(
                    h.id(),
                    new SearchResult.Hit(
                            h.id(), u.articleId(), u.type(), u.title(), snippet, category, u.lang(), u.status(), 0f));
        }
        return unitIds.stream().map(byId::get).filter(h -> h != null).toList();
    }

    List<String> texts(List<String> unitIds) throws IOException {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        SearchResponse<UnitSource> r = client.search(
                s -> s.index(alias)
                        .query(b -> b.ids(i -> i.values(unitIds)))
                        .size(unitIds.size())
                        .source(c -> c.filter(f -> f.includes(UnitMapping.TITLE, UnitMapping.BODY))),
                UnitSource.class);
        Map<String, String> byId = new HashMap<>();
        for (Hit<UnitSource> h : r.hits().hits()) {
            UnitSource u = h.source();
            if (u != null) {
                byId.put(h.id(), (u.title() == null ? "" : u.title()) + "\n" + (u.body() == null ? "" : u.body()));
            }
        }
        return unitIds.stream().map(byId::get).filter(t -> t != null).toList();
    }

    List<String> suggest(String prefix, boolean includeUnpublished, int limit) throws IOException {
        if (prefix == null || prefix.isBlank() || limit < 1) {
            return List.of();
        }
        SearchResponse<UnitSource> r = client.search(
                s -> s.index(alias)
                        .query(UnitQueries.titlePrefix(prefix, includeUnpublished))
                        .size(Math.min(100, limit * 5))
                        .source(c -> c.filter(f -> f.includes(UnitMapping.TITLE)))
                        .sort(o -> o.score(x -> x.order(SortOrder.Desc)))
                        .sort(o -> o.field(f -> f.field(UnitMapping.ID).order(SortOrder.Asc))),
                UnitSource.class);
        Set<String> titles = new LinkedHashSet<>();
        for (Hit<UnitSource> h : r.hits().hits()) {
            if (titles.size() < limit && h.source() != null && h.source().title() != null) {
                titles.add(h.source().title());
            }
        }
        return List.copyOf(titles);
    }

    Optional<String> didYouMean(String text) throws IOException {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        SearchResponse<Void> r = client.search(
                s -> s.index(alias)
                        .size(0)
                        .suggest(g -> g.text(text)
                                .suggesters(
                                        "spelling",
                                        f -> f.term(
                                                t -> t.field(UnitMapping.SPELL).suggestMode(SuggestMode.Missing)))),
                Void.class);
        StringBuilder corrected = new StringBuilder(text);
        List<Suggestion<Void>> entries = r.suggest().getOrDefault("spelling", List.of());
        // right to left, so earlier offsets stay valid while words change length
        for (int i = entries.size() - 1; i >= 0; i--) {
            TermSuggest entry = entries.get(i).term();
            String word = text.substring(entry.offset(), entry.offset() + entry.length());
            if (ENGLISH_WORD.matcher(word).matches() && !entry.options().isEmpty()) {
                String better = entry.options().get(0).text();
                if (!better.equalsIgnoreCase(word)) {
                    corrected.replace(entry.offset(), entry.offset() + entry.length(), better);
                }
            }
        }
        String result = corrected.toString();
        return result.equals(text) ? Optional.empty() : Optional.of(result);
    }

    long articleCount() throws IOException {
        return client.count(c -> c.index(alias).query(UnitQueries.term(UnitMapping.PRIMARY, "true")))
                .count();
    }
}
