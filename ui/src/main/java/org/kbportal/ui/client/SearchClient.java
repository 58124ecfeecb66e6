package org.kbportal.ui.client;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * Full-text search over the knowledge base ({@code GET /api/search}), title suggestions while
 * typing ({@code GET /api/search/suggest}), articles similar to a text ({@code GET
 * /api/search/similar}) and the report of which hit was opened ({@code POST
 * /api/search/clicks}).
 */
@HttpExchange(accept = MediaType.APPLICATION_JSON_VALUE)
public interface SearchClient {

    /** The backend refuses longer suggestion requests; nobody types a title that long anyway. */
    int MAX_SUGGEST_LENGTH = 100;
    /** The backend refuses longer texts for similar articles; the start says enough. */
    int MAX_SIMILAR_LENGTH = 5000;

    /** {@code GET /api/search} with these parameters ({@code q}, {@code type}, {@code page}, ...). */
    @GetExchange("/api/search")
    SearchResults search(@RequestParam MultiValueMap<String, String> params);

    /**
     * Runs the query.
     *
     * @throws BackendException 400 for queries the backend refuses (empty, too long, no words)
     */
    default SearchResults search(SearchQuery query) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("q", query.q());
        params.put("type", query.type());
        params.put("category", query.category());
        params.put("lang", query.lang());
        params.put("page", query.page());
        params.put("size", query.size());
        return search(QueryUris.params(params));
    }

    @GetExchange("/api/search/suggest")
    String[] suggestions(@RequestParam("q") String typed);

    /**
     * Up to eight article titles for what has been typed so far, best first. Blank or overlong text
     * gets none without asking the backend.
     */
    default List<String> suggest(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty() || text.length() > MAX_SUGGEST_LENGTH) {
            return List.of();
        }
        String[] titles = suggestions(text);
        return titles == null
                ? List.of()
                : Arrays.stream(titles)
                        .filter(t -> t != null && !t.isBlank())
                        .distinct()
                        .toList();
    }

    @GetExchange("/api/search/similar")
    List<SearchHit> similarTo(@RequestParam String text, @RequestParam int size);

    /**
     * Up to {@code size} articles similar to a free text, best first: what might already answer a
     * question being typed. Text without letters or digits gets none without asking the backend;
     * very long text is cut to {@link #MAX_SIMILAR_LENGTH} characters.
     */
    default List<SearchHit> similar(String text, int size) {
        String t = text == null ? "" : text.strip();
        if (t.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return List.of();
        }
        List<SearchHit> hits =
                similarTo(t.length() > MAX_SIMILAR_LENGTH ? t.substring(0, MAX_SIMILAR_LENGTH) : t, size);
        return hits == null ? List.of() : hits;
    }

    /** What {@code POST /api/search/clicks} takes. */
    record Click(long logId, String id, String clickToken) {}

    @PostExchange("/api/search/clicks")
    void logClick(@RequestBody Click click);

    /**
     * Reports that the hit {@code id} of the logged search {@code logId} was opened, so the query
     * log shows which results people use; {@code clickToken} is the one the search answered with.
     */
    default void logClick(long logId, String clickToken, String id) {
        logClick(new Click(logId, id, clickToken));
    }
}
