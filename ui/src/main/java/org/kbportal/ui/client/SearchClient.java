package org.kbportal.ui.client;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Full-text search over the knowledge base ({@code GET /api/search}), title suggestions while
 * typing ({@code GET /api/search/suggest}), articles similar to a text ({@code GET
 * /api/search/similar}) and the report of which hit was opened ({@code POST
 * /api/search/clicks}).
 */
@Component
public class SearchClient {

    /** The backend refuses longer suggestion requests; nobody types a title that long anyway. */
    public static final int MAX_SUGGEST_LENGTH = 100;
    /** The backend refuses longer texts for similar articles; the start says enough. */
    public static final int MAX_SIMILAR_LENGTH = 5000;

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

    /**
     * Up to eight article titles for what has been typed so far, best first. Blank or overlong text
     * gets none without asking the backend.
     */
    public List<String> suggest(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty() || text.length() > MAX_SUGGEST_LENGTH) {
            return List.of();
        }
        Map<String, Object> params = Map.of("q", text);
        String[] titles = BackendCalls.call(() -> http.get()
                .uri(QueryUris.of("/api/search/suggest", params))
                .retrieve()
                .body(String[].class));
        return titles == null
                ? List.of()
                : Arrays.stream(titles)
                        .filter(t -> t != null && !t.isBlank())
                        .distinct()
                        .toList();
    }

    /**
     * Up to {@code size} articles similar to a free text, best first: what might already answer a
     * question being typed. Text without letters or digits gets none without asking the backend;
     * very long text is cut to {@link #MAX_SIMILAR_LENGTH} characters.
     */
    public List<SearchHit> similar(String text, int size) {
        String t = text == null ? "" : text.strip();
        if (t.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return List.of();
        }
        if (t.length() > MAX_SIMILAR_LENGTH) {
            t = t.substring(0, MAX_SIMILAR_LENGTH);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("text", t);
        params.put("size", size);
        SearchHit[] hits = BackendCalls.call(() -> http.get()
                .uri(QueryUris.of("/api/search/similar", params))
                .retrieve()
                .body(SearchHit[].class));
        return hits == null ? List.of() : Arrays.asList(hits);
    }

    /**
     * Reports that the hit {@code id} of the logged search {@code logId} was opened, so the query
     * log shows which results people use; {@code clickToken} is the one the search answered with.
     */
    public void logClick(long logId, String clickToken, String id) {
        BackendCalls.run(() -> http.post()
                .uri("/api/search/clicks")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("logId", logId, "id", id, "clickToken", clickToken))
                .retrieve()
                .toBodilessEntity());
    }
}
