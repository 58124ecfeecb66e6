package org.kbportal.backend.article;

import java.util.Locale;
import org.kbportal.backend.system.KbException;

/** Kinds of knowledge; written in lower case in the API ({@code faq}, {@code manual}, {@code case}). */
public enum ArticleType {
    FAQ,
    MANUAL,
    CASE;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses an API value case-insensitively, or fails with a 400 problem. */
    public static ArticleType parse(String value) {
        if (value != null) {
            for (ArticleType t : values()) {
                if (t.name().equalsIgnoreCase(value.strip())) {
                    return t;
                }
            }
        }
        throw KbException.badRequest("invalid-type", "Unknown article type '" + value + "': use faq, manual or case.");
    }
}
