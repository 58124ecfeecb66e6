package org.kbportal.backend.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;

/**
 * The best {@code window} matches that pass every filter, counted exactly up to {@code countUpTo},
 * with facet counts from the same collection: each facet field counts the matches that pass the
 * other fields' filters but not necessarily its own (selecting type=manual keeps every type in the
 * type facet and counts categories and languages of manuals only), as faceted searches do. Unlike a
 * {@code MultiCollector} with a facet counter (which must see every match and so turns off skipping),
 * this keeps the top collector's score mode: once more than {@code countUpTo} filtered documents
 * matched, Lucene skips the ones that cannot enter the top {@code window} any more, and the total
 * becomes a lower bound. Facet counts are complete exactly when the total is ({@link Result#exact()});
 * otherwise, or when a facet's own matches exceed the limit ({@link Result#counted}), the caller
 * counts it over the best matches.
 */
final class TopWithFacets implements CollectorManager<TopWithFacets.Both, TopWithFacets.Result> {

    /**
     * @param counted per facet field, how many matches it counted (those passing the other filters)
     */
    record Result(TopDocs top, Map<String, Map<String, Long>> facets, long[] counted) {
        boolean exact() {
            return top.totalHits.relation() == org.apache.lucene.search.TotalHits.Relation.EQUAL_TO;
        }
    }

    private final TopScoreDocCollectorManager tops;
    private final FacetCounter.Manager facets;
    private final Weight[] filters;

    /**
     * @param filters per facet field (same order), the filter the user chose on it, or null (as weights
     *     of the searcher that runs this collection)
     */
    TopWithFacets(int window, int countUpTo, Weight[] filters, String... facetFields) {
        if (filters.length != facetFields.length) {
            throw new IllegalArgumentException("one filter (or null) per facet field");
        }
        this.tops = new TopScoreDocCollectorManager(Math.max(1, window), null, countUpTo);
        this.facets = new FacetCounter.Manager(facetFields);
        this.filters = filters.clone();
    }

    @Override
    public Both newCollector() throws IOException {
        return new Both(tops.newCollector(), facets.newCollector(), filters);
    }

    @Override
    public Result reduce(Collection<Both> collectors) throws IOException {
        List<TopScoreDocCollector> t = new ArrayList<>();
        List<FacetCounter> f = new ArrayList<>();
        for (Both b : collectors) {
            t.add(b.top);
            f.add(b.counter);
        }
        long[] counted = new long[filters.length];
        for (FacetCounter c : f) {
            for (int i = 0; i < counted.length; i++) {
                counted[i] += c.counted[i];
            }
        }
        return new Result(tops.reduce(t), facets.reduce(f), counted);
    }

    /**
     * Checks each match against every filter: one that passes all goes to the top collector and counts in
     * every facet; one that fails exactly one filter counts in that filter's facet only.
     */
    static final class Both implements Collector {
        final TopScoreDocCollector top;
        final FacetCounter counter;
        private final Weight[] filters;

        Both(TopScoreDocCollector top, FacetCounter counter, Weight[] filters) {
            this.top = top;
            this.counter = counter;
            this.filters = filters;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            counter.getLeafCollector(context);
            LeafCollector topLeaf = top.getLeafCollector(context);
            DocIdSetIterator[] passing = new DocIdSetIterator[filters.length];
            for (int i = 0; i < filters.length; i++) {
                if (filters[i] != null) {
                    Scorer s = filters[i].scorer(context);
                    passing[i] = s == null ? DocIdSetIterator.empty() : s.iterator();
                }
            }
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) throws IOException {
                    topLeaf.setScorer(scorer);
                }

                @Override
                public void collect(int doc) throws IOException {
                    int failures = 0;
                    int failed = -1;
                    for (int i = 0; i < passing.length; i++) {
                        DocIdSetIterator it = passing[i];
                        if (it != null && (it.docID() < doc ? it.advance(doc) : it.docID()) != doc) {
                            failures++;
                            failed = i;
                        }
                    }
                    if (failures == 0) {
                        counter.collect(doc);
                        topLeaf.collect(doc);
                    } else if (failures == 1) {
                        counter.collect(doc, failed);
                    }
                }

                @Override
                public DocIdSetIterator competitiveIterator() throws IOException {
                    return topLeaf.competitiveIterator();
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return top.scoreMode();
        }
    }
}
