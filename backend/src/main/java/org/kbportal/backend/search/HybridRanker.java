package org.kbportal.backend.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuses lexical (BM25) and dense (cosine) candidates in the application, the same for every engine:
 * weighted min-max fusion, {@code alpha * dense + (1 - alpha) * lexical} on scores scaled to [0, 1]
 * within each list; a unit missing from a list gets 0 there. Chosen over RRF on the dev sets (RRF
 * lets a much weaker list drag the ranking down; see docs/RELEVANCE.md).
 */
final class HybridRanker {

    private HybridRanker() {}

    static List<Candidates.Scored> fuse(List<Candidates.Scored> lexical, List<Candidates.Scored> dense, double alpha) {
        if (dense.isEmpty()) {
            return lexical;
        }
        if (lexical.isEmpty() && alpha > 0) {
            return dense;
        }
        Map<String, Double> fused = new HashMap<>();
        add(fused, lexical, 1 - alpha);
        add(fused, dense, alpha);
        List<Candidates.Scored> out = new ArrayList<>(fused.size());
        fused.forEach((id, s) -> out.add(new Candidates.Scored(id, s.floatValue())));
        out.sort(Comparator.comparingDouble((Candidates.Scored s) -> -s.score()).thenComparing(Candidates.Scored::id));
        return out;
    }

    private static void add(Map<String, Double> fused, List<Candidates.Scored> list, double weight) {
        if (list.isEmpty()) {
            return;
        }
        double max = list.stream().mapToDouble(Candidates.Scored::score).max().orElse(0);
        double min = list.stream().mapToDouble(Candidates.Scored::score).min().orElse(0);
        double range = max - min;
        for (Candidates.Scored s : list) {
            double norm = range <= 1e-9 ? 1.0 : (s.score() - min) / range;
            fused.merge(s.id(), weight * norm, Double::sum);
        }
    }
}
