package org.kbportal.backend.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpMethod;

/**
 * One line per operation of the API in {@code api-summaries.txt} ({@code METHOD /path/{var} | summary}), next to
 * the code; {@code ApiDocsIT} fails when an operation has none, so a new endpoint gets its line with it.
 */
record ApiSummaries(Map<String, String> byOperation) {

    static final String RESOURCE = "api-summaries.txt";

    static ApiSummaries load() {
        try (InputStream in = ApiSummaries.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ApiSummaries parse(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            int bar = l.indexOf(" | ");
            if (l.isEmpty() || l.startsWith("#") || bar < 0) {
                continue;
            }
            map.put(l.substring(0, bar).strip(), l.substring(bar + 3).strip());
        }
        return new ApiSummaries(Map.copyOf(map));
    }

    Optional<String> summary(HttpMethod method, String path) {
        return Optional.ofNullable(byOperation.get(method.name() + " " + path));
    }
}
