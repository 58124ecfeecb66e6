package org.kbportal.ui.client;

import java.util.List;
import java.util.Map;

/**
 * One page of search hits with the total and facet counts over the whole result.
 *
 * @param facets counts per field ({@code type}, {@code category}, {@code lang}) and value
 */
public record SearchResults(
        String query,
        long total,
        int page,
        int size,
        List<SearchHit> hits,
        Map<String, Map<String, Long>> facets,
        long tookMs) {

    public SearchResults {
        hits = hits == null ? List.of() : List.copyOf(hits);
        facets = facets == null ? Map.of() : facets;
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
