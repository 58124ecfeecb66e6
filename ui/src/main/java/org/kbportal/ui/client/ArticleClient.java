package org.kbportal.ui.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/**
 * Reads and edits articles ({@code /api/articles}, {@code /api/admin/articles}, {@code /api/categories}).
 * Declarative.
 */
@HttpExchange(accept = MediaType.APPLICATION_JSON_VALUE)
public interface ArticleClient {

    /**
     * One article; {@code id} may be a manual section id.
     *
     * @throws BackendException 404 when it does not exist or the user may not see it
     */
    @GetExchange("/api/articles/{id}")
    Article get(@PathVariable String id);

    /** {@code GET /api/articles} with these parameters ({@code type}, {@code status}, {@code q}, {@code page}, ...). */
    @GetExchange("/api/articles")
    ArticlePage list(@RequestParam MultiValueMap<String, String> params);

    /** A page of articles matching the filter, newest first. */
    default ArticlePage list(ArticleFilter filter, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("type", blankToNull(filter.type()));
        params.put("status", blankToNull(filter.status()));
        params.put("category", blankToNull(filter.category()));
        params.put("lang", blankToNull(filter.lang()));
        params.put("q", blankToNull(filter.text()));
        params.put("page", page);
        params.put("size", size);
        return list(QueryUris.params(params));
    }

    /** The saved versions of an article, newest first. */
    @GetExchange("/api/articles/{id}/versions")
    List<ArticleVersion> versions(@PathVariable String id);

    /** All categories, in display order. */
    @GetExchange("/api/categories")
    List<Category> categories();

    /** Creates a draft (ADMIN). */
    @PostExchange("/api/admin/articles")
    Article create(@RequestBody ArticleInput input);

    /**
     * Saves new content (ADMIN).
     *
     * @throws BackendException 409 {@code stale-version} when someone saved since {@code
     *     input.expectedVersion()}
     */
    @PutExchange("/api/admin/articles/{id}")
    Article update(@PathVariable String id, @RequestBody ArticleInput input);

    /** Makes the article visible to everyone (ADMIN). */
    @PostExchange("/api/admin/articles/{id}/publish")
    Article publish(@PathVariable String id);

    /** Withdraws the article from readers (ADMIN). */
    @PostExchange("/api/admin/articles/{id}/archive")
    Article archive(@PathVariable String id);

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
