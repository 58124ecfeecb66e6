package org.kbportal.backend.search;

import java.util.List;
import java.util.Map;

/**
 * The search API's answer: {@code {"total", "hits": [{"id","type","title","snippet","category",
 * "lang","score"}], "facets": {"type","category","lang"}}} plus paging, timing, the spelling hint,
 * whether {@code total} is exact ({@code totalExact}: false when more than {@link
 * SearchEngine#COUNT_EXACTLY_UP_TO} units match; {@code total} is then a lower bound and the facets count
 * the best-ranked matches),
 * the synonyms that were applied, whether typo tolerance kicked in, and the id of the logged search
 * with the token that lets this caller report which hit was opened ({@code clickToken}).
 *
 * <p>When no unit clears the answer gate ({@code answer.answered} false) the search has no answer:
 * {@code total} is 0, {@code hits} and the facets are empty, and the closest weak neighbours, if any,
 * are listed under {@code related} (never in {@code hits}); {@code related} is empty otherwise.
 */
public record SearchResponse(
        String query,
        long total,
        boolean totalExact,
        int page,
        int size,
        List<HitView> hits,
        Map<String, Map<String, Long>> facets,
        long tookMs,
        String didYouMean,
        List<String> synonyms,
        boolean fuzzy,
        Long logId,
        List<HitView> related,
        Answer answer,
        String clickToken) {

    /** This answer with the caller's click token. */
    public SearchResponse withClickToken(String token) {
        return new SearchResponse(
                query,
                total,
                totalExact,
                page,
                size,
                hits,
                facets,
                tookMs,
                didYouMean,
                synonyms,
                fuzzy,
                logId,
                related,
                answer,
                token);
    }

    /**
     * The answer gate's evidence: whether the search has an answer, the best share of the query's
     * words a checked unit covers, and the best cosine similarity of a neighbour (null without one).
     */
    public record Answer(boolean answered, double coverage, Double similarity) {}

    /** One hit; {@code articleId} differs from {@code id} for manual sections. */
    public record HitView(
            String id,
            String articleId,
            String type,
            String title,
            String snippet,
            String category,
            String lang,
            String status,
            float score) {}
}
