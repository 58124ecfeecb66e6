package org.kbportal.backend.search;

import java.util.List;
import java.util.Map;

/** Hits of one page, the total, and facet counts (type, category, lang) over the whole result. */
public record SearchResult(long total, List<Hit> hits, Map<String, Map<String, Long>> facets, long tookMs) {

    /** One hit; {@code snippet} is HTML-escaped text with matched terms in {@code <em>}. */
    public record Hit(
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
