package org.kbportal.ui.search;

import com.vaadin.flow.router.QueryParameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kbportal.ui.client.SearchQuery;

/**
 * The search state in the URL ({@code ?q=&type=&category=&lang=&page=}), so that results can be
 * linked and back/forward works. Pages count from 1 in the URL (what people read) and from 0 in
 * the API.
 */
final class SearchParams {

    static final List<String> FILTERS = List.of("type", "category", "lang");

    private SearchParams() {}

    static SearchQuery parse(QueryParameters params) {
        return new SearchQuery(
                single(params, "q"),
                single(params, "type"),
                single(params, "category"),
                single(params, "lang"),
                page(single(params, "page")) - 1,
                SearchQuery.DEFAULT_SIZE);
    }

    static QueryParameters format(SearchQuery query) {
        Map<String, String> values = new LinkedHashMap<>();
        put(values, "q", query.q());
        for (String filter : FILTERS) {
            put(values, filter, query.filter(filter));
        }
        if (query.page() > 0) {
            values.put("page", Integer.toString(query.page() + 1));
        }
        return QueryParameters.simple(values);
    }

    private static void put(Map<String, String> values, String name, String value) {
        if (value != null) {
            values.put(name, value);
        }
    }

    private static String single(QueryParameters params, String name) {
        return params.getSingleParameter(name).orElse(null);
    }

    private static int page(String text) {
        if (text == null) {
            return 1;
        }
        try {
            return Math.max(1, Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            // a hand-edited URL: show the first page rather than an error
            return 1;
        }
    }
}
