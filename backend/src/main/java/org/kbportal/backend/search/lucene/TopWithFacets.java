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
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * The best {@code window} matches, counted exactly up to {@code countUpTo}, with facet counts over
 * every document the top collector sees. Unlike a {@code MultiCollector} with a facet counter (which
 * must see every match and so turns off skipping), this keeps the top collector's score mode: once
 * more than {@code countUpTo} documents matched, Lucene skips the ones that cannot enter the top
 * {@code window} any more, and the total becomes a lower bound. Facet counts are exact exactly when
 * the total is ({@link Result#exact()}); otherwise the caller counts them over the best matches.
 */
final class TopWithFacets implements CollectorManager<TopWithFacets.Both, TopWithFacets.Result> {

    record Result(TopDocs top, Map<String, Map<String, Long>> facets) {
        boolean exact() {
            return top.totalHits.relation() == org.apache.lucene.search.TotalHits.Relation.EQUAL_TO;
        }
    }

    private final TopScoreDocCollectorManager tops;
    private final FacetCounter.Manager facets;

    TopWithFacets(int window, int countUpTo, String... facetFields) {
        this.tops = new TopScoreDocCollectorManager(Math.max(1, window), null, countUpTo);
        this.facets = new FacetCounter.Manager(facetFields);
    }

    @Override
    public Both newCollector() throws IOException {
        return new Both(tops.newCollector(), facets.newCollector());
    }

    @Override
    public Result reduce(Collection<Both> collectors) throws IOException {
        List<TopScoreDocCollector> t = new ArrayList<>();
        List<FacetCounter> f = new ArrayList<>();
        for (Both b : collectors) {
            t.add(b.top);
            f.add(b.counter);
        }
        return new Result(tops.reduce(t), facets.reduce(f));
    }

    /** Feeds every collected document to the facet counter, then to the top collector. */
    static final class Both implements Collector {
        final TopScoreDocCollector top;
        final FacetCounter counter;

        Both(TopScoreDocCollector top, FacetCounter counter) {
            this.top = top;
            this.counter = counter;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            LeafCollector facetLeaf = counter.getLeafCollector(context);
            LeafCollector topLeaf = top.getLeafCollector(context);
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) throws IOException {
                    topLeaf.setScorer(scorer);
                }

                @Override
                public void collect(int doc) throws IOException {
                    facetLeaf.collect(doc);
                    topLeaf.collect(doc);
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
