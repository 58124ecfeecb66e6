package org.kbportal.ui.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Synonym terms as an administrator types them: separated by commas, 、, semicolons or new lines
 * (Chinese punctuation too, since that is what a Chinese keyboard produces), to and from a clean
 * list without blanks or duplicates. Also checks the limits the backend enforces, so the usual
 * mistakes are explained right at the field.
 */
final class SynonymTerms {

    static final int MIN_TERMS = 2;
    static final int MAX_TERMS = 20;
    static final int MAX_LENGTH = 50;

    private static final Pattern SEPARATORS = Pattern.compile("[,，、;；\\r\\n]+");

    /** What is wrong with a list of terms: a message key of {@code synonyms.terms.*} and its arguments. */
    record Invalid(String key, List<Object> args) {}

    private SynonymTerms() {}

    /** The terms in the order typed; the same term twice (ignoring case) counts once. */
    static List<String> parse(String text) {
        List<String> terms = new ArrayList<>();
        if (text == null) {
            return terms;
        }
        List<String> seen = new ArrayList<>();
        for (String part : SEPARATORS.split(text)) {
            String term = part.strip().replaceAll("\\s+", " ");
            String key = term.toLowerCase(Locale.ROOT);
            if (!term.isEmpty() && !seen.contains(key)) {
                seen.add(key);
                terms.add(term);
            }
        }
        return terms;
    }

    /** The terms as editable text. */
    static String format(List<String> terms) {
        return terms == null ? "" : String.join(", ", terms);
    }

    /** The first limit the terms break, if any. */
    static Optional<Invalid> check(List<String> terms) {
        if (terms.size() < MIN_TERMS) {
            return Optional.of(new Invalid("synonyms.terms.too-few", List.of(MIN_TERMS)));
        }
        if (terms.size() > MAX_TERMS) {
            return Optional.of(new Invalid("synonyms.terms.too-many", List.of(MAX_TERMS)));
        }
        return terms.stream()
                .filter(t -> t.length() > MAX_LENGTH)
                .findFirst()
                .map(t -> new Invalid("synonyms.terms.too-long", List.of(MAX_LENGTH, t)));
    }
}
