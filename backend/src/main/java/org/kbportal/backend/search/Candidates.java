package org.kbportal.backend.search;

import java.util.List;
import java.util.Map;

/**
 * An engine's raw answer before fusion.
 *
 * @param lexical best lexical matches, best first, with their BM25 scores
 * @param dense nearest neighbours, best first, with cosine similarity in [-1, 1]
 * @param lexicalTotal how many units match the words at all: exact up to {@link
 *     SearchEngine#COUNT_EXACTLY_UP_TO}, beyond that a lower bound
 * @param lexicalTotalExact whether {@code lexicalTotal} is exact
 * @param facets field (type, category, lang) → value → count, each over the units the words match under
 *     the other fields' filters (not its own): all of them up to {@link SearchEngine#COUNT_EXACTLY_UP_TO},
 *     else the best {@link SearchEngine#FACETS_OVER_BEST}
 */
public record Candidates(
        List<Scored> lexical,
        List<Scored> dense,
        long lexicalTotal,
        boolean lexicalTotalExact,
        Map<String, Map<String, Long>> facets) {

    /** The same lexical answer with these nearest neighbours. */
    public Candidates withDense(List<Scored> neighbours) {
        return new Candidates(lexical, neighbours, lexicalTotal, lexicalTotalExact, facets);
    }

    /** A unit id with a score. */
    public record Scored(String id, float score) {}
}
