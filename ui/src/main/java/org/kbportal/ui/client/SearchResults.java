package org.kbportal.ui.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One page of search hits with the total and facet counts over the whole result.
 *
 * @param facets counts per field ({@code type}, {@code category}, {@code lang}) and value
 * @param didYouMean a better spelling of the query, or null
 * @param synonyms the terms the query was expanded with (admin-managed synonym groups)
 * @param fuzzy whether typo-tolerant matching was used because exact words found too little
 * @param logId the id of this search in the backend's query log, for reporting which hit was
 *     opened; null when the backend did not log it
 */
public record SearchResults(
        String query,
        long total,
        int page,
        int size,
        List<SearchHit> hits,
        Map<String, Map<String, Long>> facets,
        long tookMs,
        String didYouMean,
        List<String> synonyms,
        boolean fuzzy,
        Long logId) {

    public SearchResults {
        hits = hits == null ? List.of() : List.copyOf(hits);
        facets = facets == null ? Map.of() : facets;
        didYouMean = didYouMean == null || didYouMean.isBlank() ? null : didYouMean.strip();
        synonyms = synonyms == null
                ? List.of()
                : synonyms.stream().filter(Objects::nonNull).toList();
    }

    /** The counts of one facet field, most frequent first as the backend sent them. */
    public Map<String, Long> facet(String field) {
        return facets.getOrDefault(field, Map.of());
    }

    /** Number of pages, at least 1. */
    public int totalPages() {
        return size <= 0 ? 1 : (int) Math.max(1, (total + size - 1) / size);
    }
}
