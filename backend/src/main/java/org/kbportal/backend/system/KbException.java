package org.kbportal.backend.system;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure the client can act on: rendered as an RFC 9457 problem with a stable {@code type}
 * ({@code urn:kb:...}), a plain-language title and detail.
 */
public class KbException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final Map<String, Object> properties;
    private final Map<String, String> headers = new java.util.LinkedHashMap<>();
    private boolean hidden;

    /**
     * Exchange attribute under which the problem handler leaves a refusal (403, or a 404 that {@linkplain
     * #hidden hides} an existing object) for the audit log.
     */
    public static final String REFUSAL = KbException.class.getName() + ".refusal";

    public KbException(HttpStatus status, String type, String title, String detail) {
        this(status, type, title, detail, Map.of());
    }

    public KbException(HttpStatus status, String type, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.properties = properties;
    }

    public static KbException badRequest(String type, String detail) {
        return new KbException(HttpStatus.BAD_REQUEST, type, "Invalid request", detail);
    }

    public static KbException notFound(String type, String detail) {
        return new KbException(HttpStatus.NOT_FOUND, type, "Not found", detail);
    }

    /**
     * A 404 that hides an object which exists but is not the caller's to see: answered like a missing one,
     * audited as {@code access.hidden}.
     */
    public static KbException hidden(String type, String detail) {
        KbException e = notFound(type, detail);
        e.hidden = true;
        return e;
    }

    /** Whether this 404 hides an existing object (see {@link #hidden}). */
    public boolean isHidden() {
        return hidden;
    }

    public static KbException conflict(String type, String detail) {
        return new KbException(HttpStatus.CONFLICT, type, "Conflict", detail);
    }

    /** Adds a response header (for example {@code Retry-After}); returns this exception. */
    public KbException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return URI.create("urn:kb:" + type);
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
