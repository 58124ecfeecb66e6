package org.kbportal.backend.search.lucene;

import java.io.IOException;
import java.util.Collection;
import java.util.Comparator;
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

/**
 * Counts the values of a few single-valued keyword fields over all matching documents: per segment by
 * ordinal in plain arrays (no per-document string or map work), resolved to values once per segment.
 */
final class FacetCounter extends SimpleCollector {

    private final String[] fields;
    private final Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    private final SortedDocValues[] values;
    private final long[][] ordCounts;
    /** Documents counted per field (with or without a value). */
    final long[] counted;

    FacetCounter(String... fields) {
        this.fields = fields;
        this.values = new SortedDocValues[fields.length];
        this.ordCounts = new long[fields.length][];
        this.counted = new long[fields.length];
        for (String f : fields) {
            counts.put(f, new HashMap<>());
        }
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        flush();
        for (int i = 0; i < fields.length; i++) {
            values[i] = DocValues.getSorted(context.reader(), fields[i]);
            ordCounts[i] = new long[values[i].getValueCount()];
        }
    }

    @Override
    public void collect(int doc) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            collect(doc, i);
        }
    }

    /** Counts the document's value of the {@code field}-th field only (documents in increasing order). */
    void collect(int doc, int field) throws IOException {
        counted[field]++;
        if (values[field].advanceExact(doc)) {
            ordCounts[field][values[field].ordValue()]++;
        }
    }

    /** Adds the current segment's ordinal counts to the value counts. */
    private void flush() throws IOException {
        for (int i = 0; i < fields.length; i++) {
            long[] c = ordCounts[i];
            if (c == null) {
                continue;
            }
            Map<String, Long> m = counts.get(fields[i]);
            for (int ord = 0; ord < c.length; ord++) {
                if (c[ord] > 0) {
                    m.merge(values[i].lookupOrd(ord).utf8ToString(), c[ord], Long::sum);
                }
            }
            ordCounts[i] = null;
        }
    }

    @Override
    public void setScorer(Scorable scorer) {}

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    /** Counts over the given documents only (e.g. the best matches), whatever their order. */
    static Map<String, Map<String, Long>> over(
            org.apache.lucene.search.IndexSearcher searcher, org.apache.lucene.search.ScoreDoc[] docs, String... fields)
            throws IOException {
        int[] sorted =
                java.util.Arrays.stream(docs).mapToInt(d -> d.doc).sorted().toArray();
        java.util.List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        FacetCounter counter = new FacetCounter(fields);
        LeafReaderContext current = null;
        for (int doc : sorted) {
            if (current == null || doc >= current.docBase + current.reader().maxDoc()) {
                current = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
                counter.getLeafCollector(current);
            }
            counter.collect(doc - current.docBase);
        }
        return new Manager(fields).reduce(java.util.List.of(counter));
    }

    /** Merges the per-slice counters. */
    record Manager(String... fields) implements CollectorManager<FacetCounter, Map<String, Map<String, Long>>> {

        @Override
        public FacetCounter newCollector() {
            return new FacetCounter(fields);
        }

        @Override
        public Map<String, Map<String, Long>> reduce(Collection<FacetCounter> collectors) throws IOException {
            for (FacetCounter c : collectors) {
                c.flush();
            }
            Map<String, Map<String, Long>> merged = new LinkedHashMap<>();
            for (String f : fields) {
                Map<String, Long> m = new HashMap<>();
                for (FacetCounter c : collectors) {
                    c.counts.get(f).forEach((k, v) -> m.merge(k, v, Long::sum));
                }
                merged.put(f, sortedByCount(m));
            }
            return merged;
        }
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
}
