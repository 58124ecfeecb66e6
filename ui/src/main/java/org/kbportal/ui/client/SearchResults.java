package org.kbportal.ui.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One page of search hits with the total and facet counts over the whole result.
 *
 * @param totalExact false when more units matched than the backend counts exactly: {@code total} is
 *     then a lower bound and the facets count the best-ranked matches
 * @param facets counts per field ({@code type}, {@code category}, {@code lang}) and value
 * @param didYouMean a better spelling of the query, or null
 * @param synonyms the terms the query was expanded with (admin-managed synonym groups)
 * @param fuzzy whether typo-tolerant matching was used because exact words found too little
 * @param logId the id of this search in the backend's query log, for reporting which hit was
 *     opened; null when the backend did not log it
 * @param clickToken what the backend needs with such a report: it binds the report to this caller
 */
public record SearchResults(
        String query,
        long total,
        boolean totalExact,
        int page,
        int size,
        List<SearchHit> hits,
        Map<String, Map<String, Long>> facets,
        long tookMs,
        String didYouMean,
        List<String> synonyms,
        boolean fuzzy,
        Long logId,
        String clickToken) {

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

    /** Number of pages that can be opened, at least 1, with the backend's deepest reachable hit. */
    public int totalPages(int maxResultWindow) {
        if (size <= 0) {
            return 1;
        }
        long pages = (total + size - 1) / size;
        long reachable = maxResultWindow / size; // the backend refuses a page ending beyond the window
        return (int) Math.max(1, Math.min(pages, reachable));
    }
}
