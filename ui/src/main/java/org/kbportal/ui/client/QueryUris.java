package org.kbportal.ui.client;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriBuilder;

/**
 * Builds request URIs (and declarative clients' query maps) whose query values are encoded strictly: each value goes in as a template
 * variable, so {@code &}, {@code +} or {@code #} typed into a search box stay part of the words.
 */
final class QueryUris {

    private QueryUris() {}

    /** Path plus the non-null parameters, in order. */
    static Function<UriBuilder, URI> of(String path, Map<String, Object> params) {
        return builder -> {
            builder.path(path);
            Map<String, Object> values = new LinkedHashMap<>();
            params.forEach((name, value) -> {
                if (value != null) {
                    builder.queryParam(name, "{" + name + "}");
                    values.put(name, value);
                }
            });
            return builder.build(values);
        };
    }

    /** The non-null parameters, in order, as text: for a declarative client's {@code @RequestParam} map. */
    static MultiValueMap<String, String> params(Map<String, ?> params) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        params.forEach((name, value) -> {
            if (value != null) {
                query.add(name, value.toString());
            }
        });
        return query;
    }
}
