package org.kbportal.ui.client;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the audit page asks for: a period (whole days, both inclusive), an actor, an action or
 * action family ({@code articles} matches {@code articles.publish}); every part optional.
 */
public record AuditFilter(LocalDate from, LocalDate to, String actor, String action) {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null);

    /** The query parameters the backend takes, blanks left out. */
    public Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("from", from == null ? null : from.toString());
        p.put("to", to == null ? null : to.toString());
        p.put("actor", blankToNull(actor));
        p.put("action", blankToNull(action));
        return p;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
