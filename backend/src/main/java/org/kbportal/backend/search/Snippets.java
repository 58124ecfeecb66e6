package org.kbportal.backend.search;

import java.util.List;

/**
 * Snippets as both engines show them: highlighted fragments (already HTML-escaped by the highlighter's
 * {@code html} encoder, matches in {@code <em>}) joined by an ellipsis, or, without a match, the start
 * of the body (the title when the body is empty) escaped the same way.
 */
public final class Snippets {

    public static final int FRAGMENT_CHARS = 140;
    public static final int MAX_FRAGMENTS = 2;
    public static final String SEPARATOR = " … ";

    private Snippets() {}

    public static String of(List<String> fragments, String title, String body) {
        if (fragments != null && !fragments.isEmpty()) {
            return QueryWords.joinHighlights(String.join(SEPARATOR, fragments));
        }
        String text = body == null || body.isBlank() ? (title == null ? "" : title) : body;
        return escape(lead(text.strip()));
    }

    /** The first {@link #FRAGMENT_CHARS} characters, cut at a space when one is near the end. */
    public static String lead(String text) {
        if (text.length() <= FRAGMENT_CHARS) {
            return text;
        }
        int end = FRAGMENT_CHARS;
        if (Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        int space = text.lastIndexOf(' ', end);
        if (space > FRAGMENT_CHARS - 20) {
            end = space;
        }
        return text.substring(0, end).strip() + " …";
    }

    /** Escapes like Lucene's {@code SimpleHTMLEncoder}, which the {@code html} highlight encoder uses. */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> sb.append("&quot;");
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\'' -> sb.append("&#x27;");
                case '/' -> sb.append("&#x2F;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
