package org.kbportal.backend.search.lucene;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/** Counts the values of a few single-valued keyword fields over all matching documents. */
final class FacetCounter extends SimpleCollector {

    private final String[] fields;
    private final Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    private final SortedDocValues[] values;

    FacetCounter(String... fields) {
        this.fields = fields;
        this.values = new SortedDocValues[fields.length];
        for (String f : fields) {
            counts.put(f, new HashMap<>());
        }
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            values[i] = DocValues.getSorted(context.reader(), fields[i]);
        }
    }

    @Override
    public void collect(int doc) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (values[i].advanceExact(doc)) {
                String v = values[i].lookupOrd(values[i].ordValue()).utf8ToString();
                counts.get(fields[i]).merge(v, 1L, Long::sum);
            }
        }
    }

    @Override
    public void setScorer(Scorable scorer) {}

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    /** Merges the per-slice counters. */
    record Manager(String... fields) implements CollectorManager<FacetCounter, Map<String, Map<String, Long>>> {

        @Override
        public FacetCounter newCollector() {
            return new FacetCounter(fields);
        }

        @Override
        public Map<String, Map<String, Long>> reduce(Collection<FacetCounter> collectors) {
            Map<String, Map<String, Long>> merged = new LinkedHashMap<>();
            for (String f : fields) {
                Map<String, Long> m = new HashMap<>();
                for (FacetCounter c : collectors) {
                    c.counts.get(f).forEach((k, v) -> m.merge(k, v, Long::sum));
                }
                merged.put(f, LuceneSearchEngine.sortedByCount(m));
            }
            return merged;
        }
    }
}
