package org.kbportal.backend.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kbportal.backend.article.ArticleType;
import org.kbportal.backend.article.CategoryService;
import org.kbportal.backend.article.Languages;
import org.kbportal.backend.system.KbException;
import org.kbportal.backend.system.KbProperties;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One ranking pipeline for every engine: validate, expand synonyms, embed the query with the model
 * of its language, fetch lexical and dense candidates, fuse them ({@link HybridRanker}), fall back
 * to typo-tolerant matching when the words find little, page, fetch the hits with snippets, and log
 * the search.
 */
@Service
public class SearchService {

    /** Fewer lexical matches than this turn on the fuzzy fallback and "did you mean". */
    static final int FEW_HITS = 3;

    private static final java.time.Duration LOG_TIMEOUT = java.time.Duration.ofSeconds(3);
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SearchService.class);

    private final SearchEngine engine;
    private final Embedder embedder;
    private final CategoryService categories;
    private final SynonymService synonyms;
    private final SearchLog searchLog;
    private final KbProperties.Search settings;
    private final AnswerGate gate;
    private final io.micrometer.core.instrument.Timer latency;

    SearchService(
            SearchEngine engine,
            Embedder embedder,
            CategoryService categories,
            SynonymService synonyms,
            SearchLog searchLog,
            KbProperties props,
            io.micrometer.core.instrument.MeterRegistry registry) {
        this.latency = io.micrometer.core.instrument.Timer.builder("kb.search.latency")
                .description("Time to answer a search, from the query to the ranked page of hits")
                .publishPercentileHistogram()
                .maximumExpectedValue(java.time.Duration.ofSeconds(10))
                .register(registry);
        this.engine = engine;
        this.embedder = embedder;
        this.categories = categories;
        this.synonyms = synonyms;
        this.searchLog = searchLog;
        this.settings = props.search();
        this.gate = new AnswerGate(props.search().answer());
    }

    /** Who is searching: for visibility and the query log. */
    public record Searcher(String username, String role, boolean curator) {
        public static final Searcher ANONYMOUS = new Searcher(null, "ANONYMOUS", false);
    }

    public Mono<SearchResponse> search(
            String q, String type, String category, String lang, int page, int size, Searcher who) {
        long start = System.nanoTime();
        String text = q == null ? "" : q.strip();
        return validate(text, settings.maxQueryLength())
                .then(pageCheck(page, size))
                .then(filters(type, category, lang, who.curator()))
                .flatMap(f -> rank(text, f, (page + 1) * size, Optional.empty(), true)
                        .flatMap(r -> {
                            boolean answered = r.evidence().answered();
                            List<Candidates.Scored> shown = answered ? r.ranked() : List.of();
                            List<Candidates.Scored> pageIds = shown.subList(
                                    Math.min(page * size, shown.size()), Math.min((page + 1) * size, shown.size()));
                            // without an answer the closest units are only "related", on the first page
                            List<Candidates.Scored> weak = answered || page > 0
                                    ? List.of()
                                    : r.ranked()
                                            .subList(
                                                    0,
                                                    Math.min(
                                                            settings.answer().related(),
                                                            r.ranked().size()));
                            long total = answered ? r.total() : 0;
                            return Mono.zip(hits(pageIds, r.query()), hits(weak, r.query()))
                                    .flatMap(both -> {
                                        List<SearchResponse.HitView> hits = both.getT1();
                                        long took = (System.nanoTime() - start) / 1_000_000;
                                        latency.record(
                                                System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
                                        String filterText = describe(type, category, lang, page);
                                        // the query log must never hold up an answer: the row is queued (SearchLog); if
                                        // no log
                                        // id can be reserved in time the answer goes out with logId null
                                        return searchLog
                                                .record(text, filterText, total, took, who.role(), who.username())
                                                .timeout(LOG_TIMEOUT)
                                                .map(Optional::of)
                                                .onErrorResume(e -> {
                                                    log.warn("Search not logged: {}", e.toString());
                                                    return Mono.just(Optional.empty());
                                                })
                                                .defaultIfEmpty(Optional.empty())
                                                .map(logId -> new SearchResponse(
                                                        text,
                                                        total,
                                                        !answered
                                                                || r.candidates()
                                                                        .lexicalTotalExact(),
                                                        page,
                                                        size,
                                                        hits,
                                                        answered
                                                                ? r.candidates().facets()
                                                                : noFacets(),
                                                        took,
                                                        r.didYouMean(),
                                                        r.query().expansions(),
                                                        r.fuzzy(),
                                                        logId.orElse(null),
                                                        both.getT2(),
                                                        new SearchResponse.Answer(
                                                                answered,
                                                                r.evidence().coverage(),
                                                                Double.isNaN(r.evidence()
                                                                                .similarity())
                                                                        ? null
                                                                        : r.evidence()
                                                                                .similarity()),
                                                        null));
                                    });
                        }));
    }

    private static Map<String, Map<String, Long>> noFacets() {
        Map<String, Map<String, Long>> facets = new java.util.LinkedHashMap<>();
        facets.put("type", Map.of());
        facets.put("category", Map.of());
        facets.put("lang", Map.of());
        return facets;
    }

    /** Articles similar to a free text (question deflection, "related articles"). */
    public Mono<List<SearchResponse.HitView>> similar(String text, String excludeArticleId, int size, boolean curator) {
        String t = text == null ? "" : text.strip();
        if (size < 1 || size > 50) {
            return Mono.error(KbException.badRequest("invalid-page", "size must be between 1 and 50."));
        }
        return validate(t, 5000)
                .then(filters(null, null, null, curator))
                .flatMap(f -> rank(
                        t.length() > 1000 ? t.substring(0, 1000) : t,
                        f,
                        size + 10,
                        Optional.ofNullable(excludeArticleId),
                        false))
                .flatMap(r -> {
                    List<Candidates.Scored> top =
                            r.ranked().subList(0, Math.min(size, r.ranked().size()));
                    return hits(top, r.query());
                });
    }

    /** Titles for the search box while typing. */
    public Mono<List<String>> suggest(String q, boolean curator) {
        String t = q == null ? "" : q.strip();
        if (t.isEmpty()) {
            return Mono.just(List.of());
        }
        if (t.length() > 100) {
            return Mono.error(KbException.badRequest("query-too-long", "Suggestions take at most 100 characters."));
        }
        return Mono.fromCallable(() -> engine.suggest(q, curator, 8)).subscribeOn(Schedulers.boundedElastic());
    }

    private record Filters(String type, List<String> categories, String lang, boolean curator) {}

    private record Ranked(
            EngineQuery query,
            Candidates candidates,
            List<Candidates.Scored> ranked,
            long total,
            String didYouMean,
            boolean fuzzy,
            AnswerGate.Evidence evidence) {}

    private Mono<Ranked> rank(String text, Filters f, int wanted, Optional<String> excludeArticle, boolean gated) {
        int window = Math.max(settings.fusionWindow(), wanted);
        String queryLang = Embedder.languageOf(text);
        return synonyms.expansions(text).flatMap(expansions -> {
            EngineQuery words = new EngineQuery(
                    text, expansions, false, null, queryLang, f.type(), f.categories(), f.lang(), f.curator());
            // the query embedding (native code, one thread) and the lexical leg run side by side
            Mono<Optional<float[]>> vector = Mono.fromCallable(
                            () -> Optional.ofNullable(embedder.embedQuery(text, queryLang)))
                    .subscribeOn(Schedulers.boundedElastic());
            Mono<Candidates> lexical =
                    Mono.fromCallable(() -> engine.lexical(words, window)).subscribeOn(Schedulers.boundedElastic());
            return Mono.zip(vector, lexical)
                    .publishOn(Schedulers.boundedElastic())
                    .map(both -> {
                        EngineQuery eq = words.withVector(both.getT1().orElse(null));
                        Candidates c = both.getT2();
                        try {
                            c = c.withDense(engine.dense(eq, window));
                            boolean fuzzy = false;
                            String didYouMean = null;
                            if (c.lexicalTotal() < FEW_HITS) {
                                EngineQuery fq = eq.withFuzzy();
                                Candidates fc = engine.lexical(fq, window);
                                if (fc.lexicalTotal() > c.lexicalTotal()) {
                                    c = fc.withDense(c.dense());
                                    eq = fq;
                                    fuzzy = true;
                                }
                                didYouMean = engine.didYouMean(text).orElse(null);
                            }
                            Ranked r = rankWith(eq, c, queryLang, excludeArticle, fuzzy, didYouMean);
                            if (!gated) {
                                return r;
                            }
                            List<String> checked = r.ranked().stream()
                                    .limit(gate.checked())
                                    .map(Candidates.Scored::id)
                                    .toList();
                            AnswerGate.Evidence evidence =
                                    gate.judge(text, eq.expansions(), queryLang, engine.texts(checked), c.dense());
                            return new Ranked(
                                    r.query(), r.candidates(), r.ranked(), r.total(), didYouMean, fuzzy, evidence);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
        });
    }

    private Ranked rankWith(
            EngineQuery eq,
            Candidates c,
            String queryLang,
            Optional<String> exclude,
            boolean fuzzy,
            String didYouMean) {
        Set<String> lexicalIds = new HashSet<>();
        c.lexical().forEach(s -> lexicalIds.add(s.id()));
        // a dense neighbour that shares no word with the query must be close in meaning to count
        List<Candidates.Scored> dense = new ArrayList<>();
        for (Candidates.Scored s : c.dense()) {
            if (lexicalIds.contains(s.id()) || s.score() >= settings.denseMinSimilarity()) {
                dense.add(s);
            }
        }
        double alpha = "en".equals(queryLang) ? settings.denseWeightEn() : settings.denseWeightZh();
        List<Candidates.Scored> fused = HybridRanker.fuse(c.lexical(), dense, alpha);
        // a unit that shares no word with the query never outranks one that does (an exact error code,
        // host name or rare word must win over "sounds similar"); within each group the fused order holds
        List<Candidates.Scored> ranked = new ArrayList<>(fused.size());
        fused.stream().filter(s -> lexicalIds.contains(s.id())).forEach(ranked::add);
        fused.stream().filter(s -> !lexicalIds.contains(s.id())).forEach(ranked::add);
        if (exclude.isPresent()) {
            String prefix = exclude.get();
            ranked = ranked.stream()
                    .filter(s -> !s.id().equals(prefix) && !s.id().startsWith(prefix + "~"))
                    .toList();
        }
        long denseOnly =
                dense.stream().filter(s -> !lexicalIds.contains(s.id())).count();
        long total = c.lexicalTotal() + denseOnly;
        return new Ranked(eq, c, ranked, total, didYouMean, fuzzy, new AnswerGate.Evidence(0, Double.NaN, true));
    }

    private Mono<List<SearchResponse.HitView>> hits(List<Candidates.Scored> page, EngineQuery q) {
        if (page.isEmpty()) {
            return Mono.just(List.of());
        }
        Map<String, Float> scores = new HashMap<>();
        page.forEach(s -> scores.put(s.id(), s.score()));
        return Mono.fromCallable(() ->
                        engine.hits(page.stream().map(Candidates.Scored::id).toList(), q))
                .subscribeOn(Schedulers.boundedElastic())
                .map(hits -> hits.stream()
                        .map(h -> new SearchResponse.HitView(
                                h.id(),
                                h.articleId(),
                                h.type(),
                                h.title(),
                                h.snippet(),
                                h.category(),
                                h.lang(),
                                h.status(),
                                scores.getOrDefault(h.id(), 0f)))
                        .toList());
    }

    private static Mono<Void> validate(String text, int maxLength) {
        if (text.isEmpty()) {
            return Mono.error(KbException.badRequest("empty-query", "Type something to search for (parameter q)."));
        }
        if (text.length() > maxLength) {
            return Mono.error(KbException.badRequest(
                    "query-too-long",
                    "The query has " + text.length() + " characters; at most " + maxLength + " are allowed."));
        }
        if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return Mono.error(KbException.badRequest(
                    "query-without-words", "The query contains no letters or digits to search for."));
        }
        return Mono.empty();
    }

    private Mono<Void> pageCheck(int page, int size) {
        if (page < 0 || size < 1 || size > settings.maxPageSize()) {
            return Mono.error(KbException.badRequest(
                    "invalid-page", "page must be >= 0 and size between 1 and " + settings.maxPageSize() + "."));
        }
        if ((long) (page + 1) * size > settings.maxResultWindow()) {
            return Mono.error(KbException.badRequest(
                    "page-too-deep",
                    "Only the first " + settings.maxResultWindow() + " hits can be paged through; refine the query."));
        }
        return Mono.empty();
    }

    private Mono<Filters> filters(String type, String category, String lang, boolean curator) {
        String typeName;
        String language;
        try {
            typeName = blank(type) ? null : ArticleType.parse(type).apiName();
            language = blank(lang) ? null : Languages.normalise(lang);
        } catch (KbException e) {
            return Mono.error(e);
        }
        Mono<List<String>> cats = blank(category)
                ? Mono.just(List.<String>of())
                : categories.resolve(category).flatMap(c -> categories.subtree(c.code()));
        return cats.map(codes -> new Filters(typeName, codes.isEmpty() ? null : codes, language, curator));
    }

    private static String describe(String type, String category, String lang, int page) {
        StringBuilder sb = new StringBuilder();
        if (!blank(type)) {
            sb.append("type=").append(type).append(' ');
        }
        if (!blank(category)) {
            sb.append("category=").append(category).append(' ');
        }
        if (!blank(lang)) {
            sb.append("lang=").append(lang).append(' ');
        }
        if (page > 0) {
            sb.append("page=").append(page);
        }
        String s = sb.toString().strip();
        return s.isEmpty() ? null : s.length() > 300 ? s.substring(0, 300) : s;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
