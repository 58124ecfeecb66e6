package org.kbportal.backend.channel;

import java.util.Map;

/**
 * How to call an SMS gateway. Placeholders in the URL and body: {@code {phone}}, {@code {text}}, {@code
 * {event}}, {@code {id}}, {@code {severity}}, {@code {link}}; values are JSON-escaped when the
 * Content-Type header names JSON, URL-encoded in the URL and in form bodies.
 *
 * @param method POST, PUT or GET
 * @param headers extra request headers (e.g. Content-Type, an API key header)
 * @param bodyTemplate the request body with placeholders (ignored for GET)
 * @param signatureHeader when set, the header that carries hex HmacSHA256(secret, body)
 */
public record SmsSettings(String method, Map<String, String> headers, String bodyTemplate, String signatureHeader) {

    public SmsSettings {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        method = method == null || method.isBlank() ? "POST" : method.trim().toUpperCase(java.util.Locale.ROOT);
    }
}
