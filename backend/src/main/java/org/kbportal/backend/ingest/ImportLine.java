package org.kbportal.backend.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.kbportal.backend.article.Article;
import org.kbportal.backend.article.ArticleInput;
import org.kbportal.backend.article.ArticleStatus;
import org.kbportal.backend.article.ArticleType;
import org.kbportal.backend.article.Languages;
import org.kbportal.backend.system.KbException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Parses and validates one knowledge record ({@code {"id","lang","type","title","body","category"?,
 * "tags"?}}, cases may add symptom, cause, resolution, system) into an article.
 */
final class ImportLine {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ImportLine() {}

    /** Thrown for a line that cannot be stored; the message says why, in plain words. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * @param categories lower-cased code or name → category code
     */
    static Article parse(String line, Map<String, String> categories, Instant now) throws Invalid {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (Exception e) {
            throw new Invalid("not valid JSON: " + firstLine(e.getMessage()));
        }
        if (node == null || !node.isObject()) {
            throw new Invalid("not a JSON object");
        }
        return fromJson(node, categories, now);
    }

    static Article fromJson(JsonNode node, Map<String, String> categories, Instant now) throws Invalid {
        String id = text(node, "id", 200, true);
        if (!id.matches(ArticleInput.ID_PATTERN)) {
            throw new Invalid("id '" + abbreviate(id) + "' may only contain letters, digits, '.', '_', ':' and '-'");
        }
        ArticleType type;
        String lang;
        try {
            type = ArticleType.parse(text(node, "type", 20, true));
            lang = Languages.normalise(text(node, "lang", 20, true));
        } catch (KbException e) {
            throw new Invalid(e.getMessage());
        }
        String title = text(node, "title", 500, true);
        String body = text(node, "body", 1_000_000, false);
        String symptom = text(node, "symptom", 100_000, false);
        String cause = text(node, "cause", 100_000, false);
        String resolution = text(node, "resolution", 100_000, false);
        String system = text(node, "system", 200, false);
        if (system == null) {
            system = text(node, "affectedSystem", 200, false);
        }
        String category = null;
        String rawCategory = text(node, "category", 100, false);
        if (rawCategory != null && !rawCategory.isBlank()) {
            category = categories.get(rawCategory.strip().toLowerCase(java.util.Locale.ROOT));
            if (category == null) {
                throw new Invalid("unknown category '" + abbreviate(rawCategory) + "'");
            }
        }
        List<String> tags = tags(node.get("tags"));
        return Article.builder()
                .id(id)
                .type(type)
                .lang(lang)
                .category(category)
                .title(title.strip())
                .body(body == null ? "" : body)
                .symptom(symptom)
                .cause(cause)
                .resolution(resolution)
                .affectedSystem(system)
                .tags(tags)
                .status(ArticleStatus.PUBLISHED)
                .version(1)
                .created("import", now)
                .build();
    }

    private static String text(JsonNode node, String field, int max, boolean required) throws Invalid {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new Invalid("'" + field + "' is required");
            }
            return null;
        }
        if (!v.isString()) {
            throw new Invalid("'" + field + "' must be a string");
        }
        String s = v.asString();
        if (required && s.isBlank()) {
            throw new Invalid("'" + field + "' must not be empty");
        }
        if (s.length() > max) {
            throw new Invalid("'" + field + "' is longer than " + max + " characters");
        }
        return s;
    }

    private static List<String> tags(JsonNode v) throws Invalid {
        if (v == null || v.isNull()) {
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        if (v.isString()) {
            tags.addAll(Arrays.asList(v.asString().split("[,，]")));
        } else if (v.isArray()) {
            for (JsonNode t : v) {
                if (!t.isString()) {
                    throw new Invalid("'tags' must be strings");
                }
                tags.add(t.asString());
            }
        } else {
            throw new Invalid("'tags' must be an array of strings");
        }
        List<String> clean = tags.stream()
                .map(t -> t.replace(",", " ").strip())
                .filter(t -> !t.isEmpty())
                .distinct()
                .toList();
        if (clean.size() > 30 || clean.stream().anyMatch(t -> t.length() > 50)) {
            throw new Invalid("at most 30 tags of at most 50 characters");
        }
        return clean;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int i = s.indexOf('\n');
        return abbreviate(i < 0 ? s : s.substring(0, i));
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
