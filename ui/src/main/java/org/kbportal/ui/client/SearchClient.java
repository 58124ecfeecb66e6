package org.kbportal.ui.client;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** Full-text search over the knowledge base ({@code GET /api/search}). */
@Component
public class SearchClient {

    private final RestClient http;

    public SearchClient(RestClient backendRestClient) {
        this.http = backendRestClient;
    }

    /**
     * Runs the query.
     *
     * @throws BackendException 400 for queries the backend refuses (empty, too long, no words)
     */
    public SearchResults search(SearchQuery query) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("q", query.q());
        params.put("type", query.type());
        params.put("category", query.category());
        params.put("lang", query.lang());
        params.put("page", query.page());
        params.put("size", query.size());
        return BackendCalls.call(() ->
                http.get().uri(QueryUris.of("/api/search", params)).retrieve().body(SearchResults.class));
    }
}
