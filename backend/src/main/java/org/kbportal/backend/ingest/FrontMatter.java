package org.kbportal.backend.ingest;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Markdown document with a {@code ---} front matter ({@code id}, {@code lang}, {@code type},
 * {@code category}, {@code title}, {@code tags: a, b}) as an import record.
 */
final class FrontMatter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FrontMatter() {}

    static String toJsonLine(String name, String content) {
        String text = content.replace("\r\n", "\n");
        ObjectNode node = JSON.createObjectNode();
        String body = text;
        if (text.startsWith("---\n")) {
            int end = text.indexOf("\n---", 4);
            if (end > 0) {
                for (String line : text.substring(4, end).split("\n")) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        String key = line.substring(0, colon).strip();
                        String value = line.substring(colon + 1).strip();
                        if (key.equals("tags")) {
                            ArrayNode tags = node.putArray("tags");
                            for (String t : value.split("[,，]")) {
                                if (!t.isBlank()) {
                                    tags.add(t.strip());
                                }
                            }
                        } else {
                            node.put(key, value);
                        }
                    }
                }
                int bodyStart = text.indexOf('\n', end + 1);
                body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
            }
        }
        if (!node.has("type")) {
            node.put("type", "manual");
        }
        if (!node.has("id")) {
            node.put("id", name.replaceAll("^.*/", "").replaceAll("\\.md$", "").replaceAll("[^A-Za-z0-9._:-]", "-"));
        }
        node.put("body", body.strip());
        return node.toString();
    }
}
