package org.kbportal.backend.article;

import java.util.Locale;
import org.kbportal.backend.system.KbException;

/** The two content languages; tolerant of tags like {@code zh-CN} or {@code en_US}. */
public final class Languages {

    private Languages() {}

    public static String normalise(String value) {
        if (value != null) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            if (v.equals("zh") || v.startsWith("zh-") || v.startsWith("zh_")) {
                return "zh";
            }
            if (v.equals("en") || v.startsWith("en-") || v.startsWith("en_")) {
                return "en";
            }
        }
        throw KbException.badRequest("invalid-lang", "Unknown language '" + value + "': use zh or en.");
    }
}
