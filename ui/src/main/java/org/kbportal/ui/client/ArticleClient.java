package org.kbportal.ui.client;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** Reads and edits articles ({@code /api/articles}, {@code /api/admin/articles}, {@code /api/categories}). */
@Component
public class ArticleClient {

    private static final ParameterizedTypeReference<List<ArticleVersion>> VERSIONS =
            new ParameterizedTypeReference<>() {};

    private final RestClient http;

    public ArticleClient(RestClient backendRestClient) {
        this.http = backendRestClient;
    }

    /**
     * One article; {@code id} may be a manual section id.
     *
     * @throws BackendException 404 when it does not exist or the user may not see it
     */
    public Article get(String id) {
        return BackendCalls.call(
                () -> http.get().uri("/api/articles/{id}", id).retrieve().body(Article.class));
    }

    /** A page of articles matching the filter, newest first. */
    public ArticlePage list(ArticleFilter filter, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("type", blankToNull(filter.type()));
        params.put("status", blankToNull(filter.status()));
        params.put("category", blankToNull(filter.category()));
        params.put("lang", blankToNull(filter.lang()));
        params.put("q", blankToNull(filter.text()));
        params.put("page", page);
        params.put("size", size);
        return BackendCalls.call(() ->
                http.get().uri(QueryUris.of("/api/articles", params)).retrieve().body(ArticlePage.class));
    }

    /** The saved versions of an article, newest first. */
    public List<ArticleVersion> versions(String id) {
        return BackendCalls.call(() ->
                http.get().uri("/api/articles/{id}/versions", id).retrieve().body(VERSIONS));
    }

    /** All categories, in display order. */
    public List<Category> categories() {
        Category[] all = BackendCalls.call(
                () -> http.get().uri("/api/categories").retrieve().body(Category[].class));
        return all == null ? List.of() : Arrays.asList(all);
    }

    /** Creates a draft (ADMIN). */
    public Article create(ArticleInput input) {
        return BackendCalls.call(() -> http.post()
                .uri("/api/admin/articles")
                .contentType(MediaType.APPLICATION_JSON)
                .body(input)
                .retrieve()
                .body(Article.class));
    }

    /**
     * Saves new content (ADMIN).
     *
     * @throws BackendException 409 {@code stale-version} when someone saved since {@code
     *     input.expectedVersion()}
     */
    public Article update(String id, ArticleInput input) {
        return BackendCalls.call(() -> http.put()
                .uri("/api/admin/articles/{id}", id)
                .contentType(MediaType.APPLICATION_JSON)
                .body(input)
                .retrieve()
                .body(Article.class));
    }

    /** Makes the article visible to everyone (ADMIN). */
    public Article publish(String id) {
        return transition(id, "publish");
    }

    /** Withdraws the article from readers (ADMIN). */
    public Article archive(String id) {
        return transition(id, "archive");
    }

    private Article transition(String id, String action) {
        return BackendCalls.call(() -> http.post()
                .uri("/api/admin/articles/{id}/{action}", id, action)
                .retrieve()
                .body(Article.class));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
