package org.kbportal.backend.search.lucene;

import static org.kbportal.backend.search.lucene.LuceneQueries.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.kbportal.backend.search.Candidates;
import org.kbportal.backend.search.EngineQuery;
import org.kbportal.backend.search.IndexDoc;
import org.kbportal.backend.search.SearchEngine;
import org.kbportal.backend.search.SearchResult;
import org.kbportal.backend.search.Vectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded engine: an on-disk Lucene index with one {@code IndexWriter} and a {@code
 * SearcherManager} per generation ({@link GenerationStore}); this class answers the queries.
 */
public final class LuceneSearchEngine implements SearchEngine {

    private static final Logger log = LoggerFactory.getLogger(LuceneSearchEngine.class);

    static {
        // a 500-character query over several fields stays below this
        IndexSearcher.setMaxClauseCount(Math.max(IndexSearcher.getMaxClauseCount(), 8192));
    }

    /** KbAnalyzer everywhere except the spelling field, which keeps whole lower-cased words. */
    private final Analyzer analyzer =
            new PerFieldAnalyzerWrapper(new KbAnalyzer(), Map.of(SPELL, new StandardAnalyzer()));

    private final LuceneQueries queries = new LuceneQueries(analyzer);
    private final GenerationStore store;

    public LuceneSearchEngine(Path root) throws IOException {
        this.store = new GenerationStore(root, analyzer);
    }

    @Override
    public String name() {
        return "lucene";
    }

    @Override
    public boolean needsRebuild() {
        return store.needsRebuild();
    }

    @Override
    public void replace(Collection<String> articleIds, List<IndexDoc> docs) throws IOException {
        store.replace(articleIds, docs);
    }

    @Override
    public void stage(Collection<String> articleIds, List<IndexDoc> docs) throws IOException {
        store.stage(articleIds, docs);
    }

    @Override
    public void flush() throws IOException {
        store.flush();
    }

    @Override
    public Rebuild beginRebuild() throws IOException {
        return store.beginRebuild();
    }

    @Override
    public void compact() throws IOException {
        store.compact();
    }

    /** Segments of the serving index as searches see them (for tests and logs). */
    int segments() throws IOException {
        return store.segments();
    }

    @Override
    public Candidates lexical(EngineQuery q, int window) throws IOException {
        Query text = queries.text(q);
        Generation g = store.serving();
        Generation.Searcher searcher = (Generation.Searcher) g.searchers.acquire();
        try {
            List<Candidates.Scored> lexical = new ArrayList<>();
            long total = 0;
            boolean exact = true;
            Map<String, Map<String, Long>> facets = emptyFacets();
            if (text != null) {
                // public searches run on the published view: no status filter clause, so skipping works
                IndexSearcher visible = searcher.visible(q.includeUnpublished());
                // one collection: the hits pass every filter, each facet is counted under the others' filters
                Query[] filters = LuceneQueries.facetFilters(q);
                Weight[] weights = new Weight[filters.length];
                for (int i = 0; i < filters.length; i++) {
                    weights[i] = filters[i] == null
                            ? null
                            : visible.createWeight(visible.rewrite(filters[i]), ScoreMode.COMPLETE_NO_SCORES, 1);
                }
                TopWithFacets.Result words = visible.search(
                        text, new TopWithFacets(window, COUNT_EXACTLY_UP_TO, weights, TYPE, CATEGORY, LANG));
                TopDocs top = words.top();
                facets = new LinkedHashMap<>();
                String[] fields = {TYPE, CATEGORY, LANG};
                int overBest = Math.min(FACETS_OVER_BEST, Math.max(1, window));
                for (int i = 0; i < fields.length; i++) {
                    if (words.exact() && words.counted()[i] <= COUNT_EXACTLY_UP_TO) {
                        facets.put(fields[i], words.facets().get(fields[i]));
                    } else {
                        // beyond the limit: the best matches under the other filters, as without this one
                        ScoreDoc[] over = filters[i] == null
                                ? top.scoreDocs
                                : visible.search(
                                                othersThan(text, filters, i),
                                                new TopScoreDocCollectorManager(overBest, null, COUNT_EXACTLY_UP_TO))
                                        .scoreDocs;
                        facets.put(
                                fields[i],
                                FacetCounter.over(
                                                visible,
                                                java.util.Arrays.copyOf(over, Math.min(overBest, over.length)),
                                                fields[i])
                                        .get(fields[i]));
                    }
                }
                total = top.totalHits.value();
                exact = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO;
                List<ScoreDoc> best = List.of(top.scoreDocs).subList(0, Math.min(window, top.scoreDocs.length));
                String[] ids = ids(visible, best);
                for (int i = 0; i < ids.length; i++) {
                    lexical.add(new Candidates.Scored(ids[i], best.get(i).score));
                }
            }
            return new Candidates(lexical, List.of(), total, exact, facets);
        } finally {
            g.searchers.release(searcher);
        }
    }

    /** The text query under every filter but the {@code skipped}-th. */
    private static Query othersThan(Query text, Query[] filters, int skipped) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, Occur.MUST);
        for (int i = 0; i < filters.length; i++) {
            if (i != skipped && filters[i] != null) {
                b.add(filters[i], Occur.FILTER);
            }
        }
        return b.build();
    }

    @Override
    public List<Candidates.Scored> dense(EngineQuery q, int window) throws IOException {
        Generation g = store.serving();
        IndexSearcher searcher = g.searchers.acquire();
        try {
            List<Candidates.Scored> dense = new ArrayList<>();
            if (q.vector() != null) {
                BooleanQuery.Builder narrowing = new BooleanQuery.Builder();
                boolean narrowed = LuceneQueries.narrowing(narrowing, q);
                Query filter = narrowed ? narrowing.build() : null;
                List<String> fields = q.includeUnpublished()
                        ? List.of(
                                LuceneDocuments.vectorField(q.vectorLang(), true),
                                LuceneDocuments.vectorField(q.vectorLang(), false))
                        : List.of(LuceneDocuments.vectorField(q.vectorLang(), true));
                List<ScoreDoc> nearest = new ArrayList<>();
                for (String field : fields) {
                    nearest.addAll(List.of(searcher.search(
                                    new KnnFloatVectorQuery(field, Vectors.unitLength(q.vector()), window, filter),
                                    window)
                            .scoreDocs));
                }
                nearest.sort(Comparator.comparingDouble((ScoreDoc sd) -> -sd.score));
                List<ScoreDoc> top = nearest.subList(0, Math.min(window, nearest.size()));
                String[] ids = ids(searcher, top);
                for (int i = 0; i < ids.length; i++) {
                    // DOT_PRODUCT scores of unit vectors are (1 + cos) / 2: report the cosine itself
                    dense.add(new Candidates.Scored(ids[i], 2 * top.get(i).score - 1));
                }
            }
            return dense;
        } finally {
            g.searchers.release(searcher);
        }
    }

    /**
     * Unit ids of hits from the id's doc values (a stored-fields read decompresses a whole block per
     * hit: 11 % of search time for 200 candidates).
     */
    private static String[] ids(IndexSearcher searcher, List<ScoreDoc> docs) throws IOException {
        String[] out = new String[docs.size()];
        // in document order, so one doc-values iterator per segment serves all of its hits
        Integer[] order = new Integer[out.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingInt(i -> docs.get(i).doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = null;
        SortedDocValues values = null;
        for (int i : order) {
            int doc = docs.get(i).doc;
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                values = DocValues.getSorted(leaf.reader(), ID);
            }
            if (!values.advanceExact(doc - leaf.docBase)) {
                throw new IllegalStateException("unit without id doc values: " + doc);
            }
            out[i] = values.lookupOrd(values.ordValue()).utf8ToString();
        }
        return out;
    }

    @Override
    public List<SearchResult.Hit> hits(List<String> unitIds, EngineQuery q) throws IOException {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        Generation g = store.serving();
        IndexSearcher searcher = g.searchers.acquire();
        try {
            TopDocs found = byIds(searcher, unitIds);
            Map<String, Integer> docOf = new HashMap<>();
            var stored = searcher.storedFields();
            for (ScoreDoc sd : found.scoreDocs) {
                docOf.putIfAbsent(stored.document(sd.doc, Set.of(ID)).get(ID), sd.doc);
            }
            List<ScoreDoc> ordered = new ArrayList<>();
            for (String id : unitIds) {
                Integer doc = docOf.get(id);
                if (doc != null) {
                    ordered.add(new ScoreDoc(doc, 0f));
                }
            }
            String[] snippets =
                    Highlights.snippets(searcher, analyzer, queries.highlight(q), ordered.toArray(ScoreDoc[]::new));
            List<SearchResult.Hit> hits = new ArrayList<>(ordered.size());
            for (int i = 0; i < ordered.size(); i++) {
                Document d = stored.document(ordered.get(i).doc);
                String category = d.get(CATEGORY);
                hits.add(new SearchResult.Hit(
                        d.get(ID),
                        d.get(ARTICLE_ID),
                        d.get(TYPE),
                        d.get(TITLE),
                        snippets[i],
                        category == null || category.isEmpty() ? null : category,
                        d.get(LANG),
                        d.get(STATUS),
                        0f));
            }
            return hits;
        } finally {
            g.searchers.release(searcher);
        }
    }

    /** The documents of these units, found by id. */
    private static TopDocs byIds(IndexSearcher searcher, List<String> unitIds) throws IOException {
        return searcher.search(
                new TermInSetQuery(ID, unitIds.stream().map(BytesRef::new).toList()), unitIds.size() * 4 + 10);
    }

    @Override
    public List<String> texts(List<String> unitIds) throws IOException {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        Generation g = store.serving();
        IndexSearcher searcher = g.searchers.acquire();
        try {
            TopDocs found = byIds(searcher, unitIds);
            Map<String, String> textOf = new HashMap<>();
            var stored = searcher.storedFields();
            for (ScoreDoc sd : found.scoreDocs) {
                Document d = stored.document(sd.doc, Set.of(ID, TITLE, BODY));
                String body = d.get(BODY);
                textOf.putIfAbsent(d.get(ID), d.get(TITLE) + "\n" + (body == null ? "" : body));
            }
            return unitIds.stream().map(textOf::get).filter(t -> t != null).toList();
        } finally {
            g.searchers.release(searcher);
        }
    }

    @Override
    public List<String> suggest(String prefix, boolean includeUnpublished, int limit) throws IOException {
        Query q = queries.suggest(prefix, includeUnpublished);
        if (q == null) {
            return List.of();
        }
        Generation g = store.serving();
        IndexSearcher searcher = g.searchers.acquire();
        try {
            TopDocs top = searcher.search(q, limit * 4);
            Set<String> titles = new LinkedHashSet<>();
            var stored = searcher.storedFields();
            for (ScoreDoc sd : top.scoreDocs) {
                titles.add(stored.document(sd.doc, Set.of(TITLE)).get(TITLE));
                if (titles.size() == limit) {
                    break;
                }
            }
            return List.copyOf(titles);
        } finally {
            g.searchers.release(searcher);
        }
    }

    @Override
    public Optional<String> didYouMean(String text) throws IOException {
        Generation g = store.serving();
        IndexSearcher searcher = g.searchers.acquire();
        try {
            return Spelling.correct(searcher.getIndexReader(), text);
        } finally {
            g.searchers.release(searcher);
        }
    }

    @Override
    public long articleCount() throws IOException {
        Generation g = store.serving();
        IndexSearcher searcher = g.searchers.acquire();
        try {
            return searcher.count(new TermQuery(new Term(PRIMARY, "1")));
        } finally {
            g.searchers.release(searcher);
        }
    }

    private static Map<String, Map<String, Long>> emptyFacets() {
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        facets.put(TYPE, Map.of());
        facets.put(CATEGORY, Map.of());
        facets.put(LANG, Map.of());
        return facets;
    }

    @Override
    public void close() throws IOException {
        store.close();
    }
}
