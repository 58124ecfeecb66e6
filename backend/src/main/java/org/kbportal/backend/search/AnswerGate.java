package org.kbportal.backend.search;

import java.util.List;
import java.util.Set;
import org.kbportal.backend.system.KbProperties;

/**
 * Decides from evidence whether a search has an answer at all. A unit is an answer when it covers
 * enough of the query's words ({@link QueryWords}: Latin words, Han bigrams, never single characters)
 * or when its meaning is close enough (cosine of the query's and the unit's embedding, with a floor
 * per language model). When none of the best-ranked units is an answer, the search answers "no
 * answer" instead of sharing a character or two or being the least distant of unrelated neighbours.
 * Calibrated on a dev half of bench/noanswer (docs/RELEVANCE.md).
 */
final class AnswerGate {

    private final KbProperties.Search.Answer settings;

    AnswerGate(KbProperties.Search.Answer settings) {
        this.settings = settings;
    }

    /**
     * What the gate saw: the best coverage of the query's words among the units it checked and the
     * best cosine similarity of any neighbour (NaN when there was no query vector).
     */
    record Evidence(double coverage, double similarity, boolean answered) {}

    /** How many of the best-ranked units are checked. */
    int checked() {
        return settings.checkTop();
    }

    /**
     * @param query the query text
     * @param queryLang zh or en: which model's similarity floor applies
     * @param texts title and body of the best-ranked units (at most {@link #checked()})
     * @param dense the nearest neighbours with their cosine similarity
     */
    Evidence judge(String query, String queryLang, List<String> texts, List<Candidates.Scored> dense) {
        return judge(query, List.of(), queryLang, texts, dense);
    }

    /**
     * As {@link #judge(String, String, List, List)} for a query expanded with synonyms: a query word the
     * text lacks counts as covered for each synonym the text covers, so a term known only through a
     * synonym group finds its answer, while the query's other words must still be covered.
     *
     * @param expansions the synonyms the query was expanded with
     */
    Evidence judge(
            String query,
            List<String> expansions,
            String queryLang,
            List<String> texts,
            List<Candidates.Scored> dense) {
        List<Set<String>> words = QueryWords.units(query);
        List<List<Set<String>>> synonyms = expansions.stream()
                .map(QueryWords::units)
                .filter(u -> !u.isEmpty())
                .toList();
        double coverage = 0;
        for (String t : texts) {
            Set<String> textWords = QueryWords.of(t);
            double direct = QueryWords.coverage(words, textWords);
            long uncovered = Math.round((1 - direct) * words.size());
            long bySynonym = synonyms.stream()
                    .filter(u -> QueryWords.coverage(u, textWords) >= settings.minCoverage() - 1e-9)
                    .count();
            double covered = words.isEmpty() ? 0 : direct + (double) Math.min(uncovered, bySynonym) / words.size();
            coverage = Math.max(coverage, covered);
        }
        double similarity =
                dense.stream().mapToDouble(Candidates.Scored::score).max().orElse(Double.NaN);
        return new Evidence(coverage, similarity, answers(coverage, similarity, queryLang, words.size()));
    }

    boolean answers(double coverage, double similarity, String queryLang, int queryWords) {
        if (!settings.enabled()) {
            return true;
        }
        double floor = "en".equals(queryLang) ? settings.minSimilarityEn() : settings.minSimilarityZh();
        return (queryWords > 0 && coverage >= settings.minCoverage() - 1e-9)
                || (!Double.isNaN(similarity) && similarity >= floor);
    }
}
