package org.kbportal.ui.client;

/**
 * One search request; blank filters mean "any".
 *
 * @param q the words to look for
 * @param type {@code faq}, {@code manual} or {@code case}
 * @param category a category code; the backend includes its sub-categories
 * @param lang {@code zh} or {@code en}
 * @param page 0-based page
 * @param size hits per page
 */
public record SearchQuery(String q, String type, String category, String lang, int page, int size) {

    public static final int DEFAULT_SIZE = 10;

    public SearchQuery {
        q = clean(q);
        type = clean(type);
        category = clean(category);
        lang = clean(lang);
        page = Math.max(0, page);
        size = size <= 0 ? DEFAULT_SIZE : size;
    }

    /** A first-page query for the words, without filters. */
    public static SearchQuery of(String q) {
        return new SearchQuery(q, null, null, null, 0, DEFAULT_SIZE);
    }

    /** Other words with the same filters, from the first page (e.g. a corrected spelling). */
    public SearchQuery withWords(String words) {
        return new SearchQuery(words, type, category, lang, 0, size);
    }

    public SearchQuery withPage(int newPage) {
        return new SearchQuery(q, type, category, lang, newPage, size);
    }

    /**
     * The same words with one facet filter set (or removed when {@code value} is null); back to the
     * first page, since the old page number means nothing for the new result.
     */
    public SearchQuery withFilter(String field, String value) {
        return switch (field) {
            case "type" -> new SearchQuery(q, value, category, lang, 0, size);
            case "category" -> new SearchQuery(q, type, value, lang, 0, size);
            case "lang" -> new SearchQuery(q, type, category, value, 0, size);
            default -> throw new IllegalArgumentException("Unknown filter " + field);
        };
    }

    /** The value of a filter by field name ({@code type}, {@code category}, {@code lang}), or null. */
    public String filter(String field) {
        return switch (field) {
            case "type" -> type;
            case "category" -> category;
            case "lang" -> lang;
            default -> null;
        };
    }

    public boolean hasWords() {
        return q != null;
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
