package org.kbportal.ui.client;

import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem as the backend sends it.
 *
 * @param type stable kind of problem, e.g. {@code urn:kb:stale-version}; {@code about:blank} when
 *     the backend sent none
 * @param title short plain-language summary
 * @param status HTTP status
 * @param detail what went wrong this time (English, written for people)
 * @param errors the invalid fields of a validation problem; empty otherwise
 * @param properties further members, e.g. {@code currentVersion}
 */
public record Problem(
        String type, String title, int status, String detail, List<FieldError> errors, Map<String, Object> properties) {

    private static final String KB_PREFIX = "urn:kb:";

    public Problem {
        type = type == null || type.isBlank() ? "about:blank" : type;
        errors = errors == null ? List.of() : List.copyOf(errors);
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /** One rejected field of a validation problem. */
    public record FieldError(String field, String message) {}

    /** A problem made up from the status alone, when the answer was not problem JSON. */
    public static Problem ofStatus(int status, String reason) {
        return new Problem(null, reason, status, null, List.of(), Map.of());
    }

    /** The short name of a backend problem type ({@code stale-version}), or empty for other types. */
    public String kbType() {
        return type.startsWith(KB_PREFIX) ? type.substring(KB_PREFIX.length()) : "";
    }

    /** The best plain-language text: the detail, else the title, then the field errors. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append(detail != null && !detail.isBlank() ? detail : title == null ? "HTTP " + status : title);
        for (FieldError e : errors) {
            text.append(' ').append(e.field()).append(": ").append(e.message()).append('.');
        }
        return text.toString();
    }
}
