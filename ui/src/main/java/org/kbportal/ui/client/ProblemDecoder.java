package org.kbportal.ui.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns an error response into a {@link BackendException}. Tolerant on purpose: a proxy in front of
 * the backend may answer with HTML or nothing, and the user still deserves a sensible message.
 */
final class ProblemDecoder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> STANDARD = Set.of("type", "title", "status", "detail", "instance", "errors");
    private static final int MAX_BODY = 64 * 1024;

    private ProblemDecoder() {}

    static BackendException decode(ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        MediaType contentType = response.getHeaders().getContentType();
        byte[] body;
        try (InputStream in = response.getBody()) {
            body = in.readNBytes(MAX_BODY);
        }
        return BackendException.of(decode(status, contentType, body));
    }

    static Problem decode(int status, MediaType contentType, byte[] body) {
        boolean json = contentType != null
                && (contentType.isCompatibleWith(MediaType.APPLICATION_JSON)
                        || contentType.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        if (json && body.length > 0) {
            try {
                return fromJson(status, JSON.readTree(body));
            } catch (tools.jackson.core.JacksonException e) {
                // fall through: a broken body must not hide the status
            }
        }
        return Problem.ofStatus(status, reason(status));
    }

    private static Problem fromJson(int status, JsonNode node) {
        if (!node.isObject()) {
            return Problem.ofStatus(status, reason(status));
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (JsonNode e : node.path("errors")) {
            errors.add(new Problem.FieldError(
                    e.path("field").asString(""), e.path("message").asString("")));
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        node.properties().forEach(f -> {
            if (!STANDARD.contains(f.getKey()) && f.getValue().isValueNode()) {
                properties.put(
                        f.getKey(),
                        f.getValue().isNumber()
                                ? f.getValue().numberValue()
                                : f.getValue().asString());
            } else if (!STANDARD.contains(f.getKey()) && f.getValue().isArray()) {
                // a list of codes, e.g. the password rules a weak password breaks ("violations")
                List<String> values = new ArrayList<>();
                f.getValue().forEach(v -> values.add(v.asString("")));
                properties.put(f.getKey(), List.copyOf(values));
            }
        });
        return new Problem(
                text(node, "type"),
                node.hasNonNull("title") ? text(node, "title") : reason(status),
                node.path("status").asInt(status),
                text(node, "detail"),
                errors,
                properties);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asString() : null;
    }

    private static String reason(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }
}
