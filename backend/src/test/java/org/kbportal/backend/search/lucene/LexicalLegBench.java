package org.kbportal.backend.search.lucene;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.FSDirectory;
import org.kbportal.backend.search.EngineQuery;
import tools.jackson.databind.ObjectMapper;

/**
 * Time of the lexical leg alone on an existing index (e.g. the one {@code bench/atec.py --keep} leaves),
 * for several ways of collecting it; figures in docs/BENCHMARKS.md. Not a test; run on demand:
 *
 * <pre>java -cp ... org.kbportal.backend.search.lucene.LexicalLegBench INDEX_DIR QUERIES.jsonl VARIANT,...</pre>
 *
 * Variants: {@code exhaustive-facets} (top 100 + facets over every match, status filter clause: before),
 * {@code exhaustive}, {@code wand1000} (counted up to 1,000, filter clause), {@code pub-exhaustive-facets},
 * {@code pub-wand1000} (published-only view, counted up to 1,000: now), {@code msm30x}/{@code msm50x}
 * (exhaustive, 30/50 % of the query terms required), {@code msm50}/{@code msm60}/{@code msm70} (the same,
 * counted up to 1,000), {@code count}.
 */
public final class LexicalLegBench {
    static Query grouped(LuceneQueries lq, EngineQuery eq, int pct) {
        var terms = lq.terms(eq.text());
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (var t : terms.entrySet()) {
            b.add(
                    new BooleanQuery.Builder()
                            .add(
                                    new org.apache.lucene.search.BoostQuery(
                                            new TermQuery(new Term("title", t.getKey())), 2f * t.getValue()),
                                    Occur.SHOULD)
                            .add(
                                    new org.apache.lucene.search.BoostQuery(
                                            new TermQuery(new Term("body", t.getKey())), 1f * t.getValue()),
                                    Occur.SHOULD)
                            .add(
                                    new org.apache.lucene.search.BoostQuery(
                                            new TermQuery(new Term("tags", t.getKey())), 1.5f * t.getValue()),
                                    Occur.SHOULD)
                            .build(),
                    Occur.SHOULD);
        }
        b.setMinimumNumberShouldMatch((int) Math.ceil(terms.size() * pct / 100.0));
        return b.build();
    }

    public static void main(String[] args) throws Exception {
        var reader = DirectoryReader.open(FSDirectory.open(Path.of(args[0])));
        IndexSearcher s0 = new IndexSearcher(reader);
        IndexSearcher pub = new IndexSearcher(PublishedView.wrap(reader));
        List<String> qs = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            if (!line.isBlank()) qs.add(json.readTree(line).get("query").asString());
        }
        LuceneQueries lq = new LuceneQueries(new KbAnalyzer());
        for (String variant : args[2].split(",")) {
            for (int round = 0; round < 3; round++) {
                double[] ms = new double[qs.size()];
                long totalSum = 0;
                for (int i = 0; i < qs.size(); i++) {
                    EngineQuery eq = new EngineQuery(qs.get(i), List.of(), false, null, "zh", null, null, null, false);
                    Query text = variant.startsWith("msm")
                            ? grouped(lq, eq, Integer.parseInt(variant.substring(3, 5)))
                            : lq.text(eq);
                    Query base0 = new BooleanQuery.Builder()
                            .add(text, Occur.MUST)
                            .add(new TermQuery(new Term("status", "PUBLISHED")), Occur.FILTER)
                            .build();
                    Query base = base0;
                    IndexSearcher s = variant.startsWith("pub") ? pub : s0;
                    if (variant.startsWith("pub")) base = text;
                    long t0 = System.nanoTime();
                    long total;
                    switch (variant) {
                        case "exhaustive-facets", "pub-exhaustive-facets" -> {
                            Object[] both = s.search(
                                    base,
                                    new MultiCollectorManager(
                                            new TopScoreDocCollectorManager(100, null, Integer.MAX_VALUE),
                                            new FacetCounter.Manager("type", "category", "lang")));
                            total = ((TopDocs) both[0]).totalHits.value();
                        }
                        case "exhaustive", "pub-exhaustive", "msm30x", "msm50x", "msm60x", "msm70x" ->
                            total = s.search(base, new TopScoreDocCollectorManager(100, null, Integer.MAX_VALUE))
                                    .totalHits
                                    .value();
                        case "wand1000", "pub-wand1000", "msm30", "msm50", "msm60", "msm70" ->
                            total = s.search(base, new TopScoreDocCollectorManager(100, null, 1000))
                                    .totalHits
                                    .value();
                        case "wand100" ->
                            total = s.search(base, new TopScoreDocCollectorManager(100, null, 100))
                                    .totalHits
                                    .value();
                        case "wand1000nf" ->
                            total = s.search(text, new TopScoreDocCollectorManager(100, null, 1000))
                                    .totalHits
                                    .value();
                        case "wand1000k20" ->
                            total = s.search(base, new TopScoreDocCollectorManager(20, null, 1000))
                                    .totalHits
                                    .value();
                        case "count" -> total = s.count(base);
                        default -> throw new IllegalArgumentException(variant);
                    }
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                    totalSum += total;
                }
                Arrays.sort(ms);
                System.out.printf(
                        "%-18s round %d p50 %.2f p95 %.2f p99 %.2f mean-total %d%n",
                        variant,
                        round,
                        ms[ms.length / 2],
                        ms[(int) (ms.length * .95)],
                        ms[(int) (ms.length * .99)],
                        totalSum / qs.size());
            }
        }
    }
}
