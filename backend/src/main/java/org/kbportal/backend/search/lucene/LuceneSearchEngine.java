package org.kbportal.backend.search.lucene;

import static org.kbportal.backend.search.lucene.LuceneQueries.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
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
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.kbportal.backend.search.Candidates;
import org.kbportal.backend.search.EngineQuery;
import org.kbportal.backend.search.IndexDoc;
import org.kbportal.backend.search.QueryWords;
import org.kbportal.backend.search.SearchEngine;
import org.kbportal.backend.search.SearchResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded engine: an on-disk Lucene index with one {@code IndexWriter} and a {@code
 * SearcherManager} per generation. {@code index/current} names the serving generation; a rebuild
 * writes a new generation beside it and swaps the pointer atomically, so a crash mid-rebuild leaves
 * the old index serving. Units are replaced per article (delete by article id, add): idempotent.
 */
public final class LuceneSearchEngine implements SearchEngine {

    private static final Logger log = LoggerFactory.getLogger(LuceneSearchEngine.class);
    private static final int SNIPPET_LENGTH = 140;
    private static final String POINTER = "current";

    /** Body text with offsets in the postings, so snippets need no re-analysis (fast highlighting). */
    private static final FieldType BODY_TYPE = new FieldType(TextField.TYPE_STORED);

    static {
        BODY_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY_TYPE.freeze();
        // a 500-character query over several fields stays below this
        IndexSearcher.setMaxClauseCount(Math.max(IndexSearcher.getMaxClauseCount(), 8192));
    }

    /** KbAnalyzer everywhere except the spelling field, which keeps whole lower-cased words. */
    private final Analyzer analyzer =
            new PerFieldAnalyzerWrapper(new KbAnalyzer(), Map.of(SPELL, new StandardAnalyzer()));

    private final LuceneQueries queries = new LuceneQueries(analyzer);
    private final Path root;
    private volatile boolean needsRebuild;
    /** Articles changed while a rebuild runs: their fresher units win over what the rebuild stages. */
    private final Set<String> changedDuringRebuild = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Writers take the read side (they may run together); swapping generations takes the write side. */
    private final ReadWriteLock swap = new ReentrantReadWriteLock();

    private volatile Generation serving;
    private volatile Generation building;
    /** Set by {@link #close()}: a rebuild that starts or finishes afterwards must not leave a writer open. */
    private volatile boolean closed;

    public LuceneSearchEngine(Path root) throws IOException {
        this.root = root;
        Files.createDirectories(root);
        Path pointer = root.resolve(POINTER);
        Generation opened = null;
        if (Files.exists(pointer)) {
            Path current = root.resolve(
                    Files.readString(pointer, StandardCharsets.UTF_8).strip());
            if (readable(current)) {
                opened = Generation.open(current, analyzer, false);
            } else {
                log.warn(
                        "Search index {} is missing, unreadable or of an older layout; recreating it from the database",
                        current);
            }
        }
        this.needsRebuild = opened == null;
        if (opened == null) {
            Path fresh = root.resolve("gen-" + System.currentTimeMillis());
            opened = Generation.open(fresh, analyzer, true);
            writePointer(fresh);
        }
        this.serving = opened;
        removeOtherGenerations(opened.path);
    }

    /** Whether the index at {@code dir} opens and has this version's layout ({@link Generation#FORMAT}). */
    private static boolean readable(Path dir) {
        try (var d = FSDirectory.open(dir);
                DirectoryReader reader = DirectoryReader.open(d)) {
            String format = reader.getIndexCommit().getUserData().get(Generation.FORMAT_KEY);
            if (!Generation.FORMAT.equals(format)) {
                log.info("Search index {} has layout {}, this version writes {}", dir, format, Generation.FORMAT);
                return false;
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private void writePointer(Path generation) throws IOException {
        Path tmp = root.resolve(POINTER + ".tmp");
        Files.writeString(tmp, generation.getFileName().toString(), StandardCharsets.UTF_8);
        Files.move(tmp, root.resolve(POINTER), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void removeOtherGenerations(Path keep) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            for (Path p : entries.filter(Files::isDirectory).toList()) {
                if (!p.equals(keep) && (building == null || !p.equals(building.path))) {
                    Generation.deleteTree(p);
                }
            }
        }
    }

    @Override
    public String name() {
        return "lucene";
    }

    @Override
    public boolean needsRebuild() {
        return needsRebuild;
    }

    @Override
    public void replace(Collection<String> articleIds, List<IndexDoc> docs) throws IOException {
        swap.readLock().lock();
        try {
            write(serving, articleIds, docs);
            serving.commit();
            Generation b = building;
            if (b != null) {
                changedDuringRebuild.addAll(articleIds);
                write(b, articleIds, docs);
            }
        } finally {
            swap.readLock().unlock();
        }
    }

    @Override
    public void stage(Collection<String> articleIds, List<IndexDoc> docs) throws IOException {
        swap.readLock().lock();
        try {
            write(serving, articleIds, docs);
            Generation b = building;
            if (b != null) {
                changedDuringRebuild.addAll(articleIds);
                write(b, articleIds, docs);
            }
        } finally {
            swap.readLock().unlock();
        }
    }

    @Override
    public void flush() throws IOException {
        swap.readLock().lock();
        try {
            serving.commit();
        } finally {
            swap.readLock().unlock();
        }
    }

    private static void write(Generation g, Collection<String> articleIds, List<IndexDoc> docs) throws IOException {
        if (!articleIds.isEmpty()) {
            g.writer.deleteDocuments(new TermInSetQuery(
                    ARTICLE_ID, articleIds.stream().map(BytesRef::new).toList()));
        }
        for (IndexDoc d : docs) {
            g.writer.addDocument(document(d));
        }
    }

    @Override
    public synchronized Rebuild beginRebuild() throws IOException {
        if (closed) {
            throw new IllegalStateException("the search index is closed");
        }
        if (building != null) {
            throw new IllegalStateException("a rebuild is already running");
        }
        Generation fresh = Generation.open(root.resolve("gen-" + System.currentTimeMillis()), analyzer, true);
        changedDuringRebuild.clear();
        building = fresh;
        return new Rebuild() {
            @Override
            public void stage(List<IndexDoc> docs) throws IOException {
                write(
                        fresh,
                        List.of(),
                        docs.stream()
                                .filter(d -> !changedDuringRebuild.contains(d.articleId()))
                                .toList());
            }

            @Override
            public void commit() throws IOException {
                fresh.commit();
                Generation old;
                swap.writeLock().lock();
                try {
                    if (closed) {
                        // the engine closed while this rebuild ran: keep the generation it serves
                        fresh.close();
                        Generation.deleteTree(fresh.path);
                        throw new IllegalStateException("the search index closed during the rebuild");
                    }
                    writePointer(fresh.path);
                    old = serving;
                    serving = fresh;
                    building = null;
                    needsRebuild = false;
                } finally {
                    swap.writeLock().unlock();
                }
                old.close();
                Generation.deleteTree(old.path);
            }

            @Override
            public void abort() throws IOException {
                swap.writeLock().lock();
                try {
                    building = null;
                } finally {
                    swap.writeLock().unlock();
                }
                fresh.close();
                Generation.deleteTree(fresh.path);
            }
        };
    }

    private static Document document(IndexDoc d) {
        Document doc = new Document();
        doc.add(new StringField(ID, d.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField(ID, new BytesRef(d.id())));
        doc.add(new StringField(ARTICLE_ID, d.articleId(), Field.Store.YES));
        if (d.primary()) {
            doc.add(new StringField(PRIMARY, "1", Field.Store.NO));
        }
        keyword(doc, TYPE, d.type());
        keyword(doc, LANG, d.lang());
        keyword(doc, STATUS, d.status());
        keyword(doc, CATEGORY, d.category() == null ? "" : d.category());
        for (String c : d.categoryPath()) {
            doc.add(new StringField(CATEGORY_PATH, c, Field.Store.NO));
        }
        doc.add(new TextField(TITLE, d.title(), Field.Store.YES));
        doc.add(new Field(BODY, d.body(), BODY_TYPE));
        doc.add(new TextField(TAGS, String.join(" ", d.tags()), Field.Store.NO));
        doc.add(new TextField(SPELL, d.title() + "\n" + d.body(), Field.Store.NO));
        doc.add(new NumericDocValuesField(UPDATED, d.updatedAt()));
        doc.add(new StoredField(UPDATED, d.updatedAt()));
        if (d.vector() != null) {
            doc.add(new KnnFloatVectorField(
                    vectorField(d.lang(), "PUBLISHED".equals(d.status())),
                    unitLength(d.vector()),
                    VectorSimilarityFunction.DOT_PRODUCT));
        }
        return doc;
    }

    /**
     * Vectors of published units and of the rest live in separate fields, so the public dense search
     * (nearly every search) needs no visibility filter: a filtered HNSW search first builds a bit set
     * of every visible document, which was 15 % of search time on 77k units.
     */
    static String vectorField(String lang, boolean published) {
        return "vec_" + ("en".equals(lang) ? "en" : "zh") + (published ? "" : "_hidden");
    }

    /**
     * The vector scaled to length 1. Vectors are compared by dot product on unit vectors, which ranks
     * and scores exactly as cosine does but costs one multiply-add per dimension instead of three (the
     * comparisons were a quarter of search CPU on 77k units; Lucene 9 on Java 17 has no SIMD path).
     */
    static float[] unitLength(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        if (sum == 0 || Math.abs(sum - 1) < 1e-6) {
            return v;
        }
        float scale = (float) (1 / Math.sqrt(sum));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * scale;
        }
        return out;
    }

    private static void keyword(Document doc, String field, String value) {
        doc.add(new StringField(field, value, Field.Store.YES));
        doc.add(new SortedDocValuesField(field, new BytesRef(value)));
    }

    /**
     * Merges the serving index into one segment and makes it visible. An import followed by the outbox
     * drain leaves 15 or so segments; the kNN search walks one HNSW graph per segment (ATEC, in process,
     * one client: p50 19.9-20.8 ms on 15 segments, 16.6 ms on 2; docs/BENCHMARKS.md). Merging 77k units
     * with vectors keeps one core busy for more than a minute, so it runs only after large loads.
     */
    /** Segments of the serving index as searches see them (for tests and logs). */
    int segments() throws IOException {
        Generation g = serving;
        IndexSearcher searcher = g.searchers.acquire();
        try {
            return searcher.getIndexReader().leaves().size();
        } finally {
            g.searchers.release(searcher);
        }
    }

    @Override
    public void compact() throws IOException {
        Generation g = serving;
        long started = System.nanoTime();
        int before = segments();
        log.info("Merging the search index ({} segments) into one; searches go on meanwhile", before);
        try {
            g.writer.forceMerge(1);
            g.searchers.maybeRefreshBlocking();
        } catch (org.apache.lucene.store.AlreadyClosedException e) {
            log.info("Index replaced while merging; the new one is merged by its rebuild");
            return;
        }
        log.info(
                "Merged the search index from {} segments into {} in {} ms",
                before,
                segments(),
                (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public Candidates lexical(EngineQuery q, int window) throws IOException {
        Query text = queries.text(q);
        Generation g = serving;
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
        Generation g = serving;
        IndexSearcher searcher = g.searchers.acquire();
        try {
            List<Candidates.Scored> dense = new ArrayList<>();
            if (q.vector() != null) {
                BooleanQuery.Builder narrowing = new BooleanQuery.Builder();
                boolean narrowed = LuceneQueries.narrowing(narrowing, q);
                Query filter = narrowed ? narrowing.build() : null;
                List<String> fields = q.includeUnpublished()
                        ? List.of(vectorField(q.vectorLang(), true), vectorField(q.vectorLang(), false))
                        : List.of(vectorField(q.vectorLang(), true));
                List<ScoreDoc> nearest = new ArrayList<>();
                for (String field : fields) {
                    nearest.addAll(List.of(searcher.search(
                                    new KnnFloatVectorQuery(field, unitLength(q.vector()), window, filter), window)
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
        Generation g = serving;
        IndexSearcher searcher = g.searchers.acquire();
        try {
            TopDocs found = searcher.search(
                    new TermInSetQuery(ID, unitIds.stream().map(BytesRef::new).toList()), unitIds.size() * 4 + 10);
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
            String[] snippets = snippets(searcher, queries.highlight(q), ordered.toArray(ScoreDoc[]::new));
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

    @Override
    public List<String> texts(List<String> unitIds) throws IOException {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        Generation g = serving;
        IndexSearcher searcher = g.searchers.acquire();
        try {
            TopDocs found = searcher.search(
                    new TermInSetQuery(ID, unitIds.stream().map(BytesRef::new).toList()), unitIds.size() * 4 + 10);
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

    private String[] snippets(IndexSearcher searcher, Query query, ScoreDoc[] docs) throws IOException {
        String[] out = new String[docs.length];
        if (docs.length == 0) {
            return out;
        }
        if (query != null) {
            UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                    .withFormatter(new DefaultPassageFormatter("<em>", "</em>", " … ", true))
                    .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                            BreakIterator.getSentenceInstance(Locale.ROOT), SNIPPET_LENGTH, 0.3f))
                    .withMaxLength(200_000)
                    .build();
            // the highlighter wants documents in index order; map results back afterwards
            ScoreDoc[] sorted = docs.clone();
            java.util.Arrays.sort(sorted, Comparator.comparingInt(sd -> sd.doc));
            String[] byDoc = highlighter.highlight(
                    BODY, query, new TopDocs(new TotalHits(sorted.length, TotalHits.Relation.EQUAL_TO), sorted), 2);
            Map<Integer, String> snippet = new HashMap<>();
            for (int i = 0; i < sorted.length; i++) {
                snippet.put(sorted[i].doc, byDoc[i]);
            }
            for (int i = 0; i < docs.length; i++) {
                out[i] = QueryWords.joinHighlights(snippet.get(docs[i].doc));
            }
        }
        var stored = searcher.storedFields();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null || out[i].isBlank()) {
                Document d = stored.document(docs[i].doc);
                String body = d.get(BODY);
                out[i] = escape(abbreviate(body == null || body.isBlank() ? d.get(TITLE) : body));
            }
        }
        return out;
    }

    @Override
    public List<String> suggest(String prefix, boolean includeUnpublished, int limit) throws IOException {
        Query q = queries.suggest(prefix, includeUnpublished);
        if (q == null) {
            return List.of();
        }
        Generation g = serving;
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
        Generation g = serving;
        IndexSearcher searcher = g.searchers.acquire();
        try {
            DirectSpellChecker spell = new DirectSpellChecker();
            spell.setMinQueryLength(4);
            StringBuilder corrected = new StringBuilder();
            boolean changed = false;
            var matcher =
                    java.util.regex.Pattern.compile("[A-Za-z]+|[^A-Za-z]+").matcher(text);
            {
                while (matcher.find()) {
                    String part = matcher.group();
                    String word = part.toLowerCase(Locale.ROOT);
                    if (Character.isLetter(part.charAt(0))
                            && word.length() >= 4
                            && searcher.getIndexReader().docFreq(new Term(SPELL, word)) == 0) {
                        SuggestWord[] s = spell.suggestSimilar(
                                new Term(SPELL, word),
                                1,
                                searcher.getIndexReader(),
                                SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                        if (s.length > 0) {
                            corrected.append(s[0].string);
                            changed = true;
                            continue;
                        }
                    }
                    corrected.append(part);
                }
            }
            return changed ? Optional.of(corrected.toString()) : Optional.empty();
        } finally {
            g.searchers.release(searcher);
        }
    }

    @Override
    public long articleCount() throws IOException {
        Generation g = serving;
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

    static Map<String, Long> sortedByCount(Map<String, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream()
                .filter(e -> !e.getKey().isEmpty())
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= SNIPPET_LENGTH ? s : s.substring(0, SNIPPET_LENGTH) + "…";
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#x27;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public synchronized void close() throws IOException {
        swap.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            Generation b = building;
            if (b != null) {
                b.close();
            }
            serving.close();
        } finally {
            swap.writeLock().unlock();
        }
    }
}
