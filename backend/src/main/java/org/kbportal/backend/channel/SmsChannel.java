package org.kbportal.backend.channel;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * A text message through a configurable HTTP gateway ({@link SmsSettings}) to one phone (the delivery's
 * recipient); the text fits one Chinese SMS ({@link MessageText#sms}).
 */
@Component
class SmsChannel implements Channel {

    private final ObjectMapper json;

    SmsChannel(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.SMS;
    }

    @Override
    public Outgoing request(StoredChannel c, String secret, Delivery d, Payload p, Instant now) {
        SmsSettings s = c.sms() == null ? new SmsSettings("POST", Map.of(), "{text}", null) : c.sms();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("phone", d.recipient() == null ? "" : d.recipient());
        values.put("text", MessageText.sms(p));
        values.put("event", p.type());
        values.put(
                "id",
                p.data().questionId() == null ? "" : String.valueOf(p.data().questionId()));
        values.put("severity", p.data().severity() == null ? "" : p.data().severity());
        values.put("link", p.data().link() == null ? "" : p.data().link());
        String contentType = s.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Content-Type"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("")
                .toLowerCase(Locale.ROOT);
        String url = fill(c.url(), values, v -> URLEncoder.encode(v, StandardCharsets.UTF_8));
        String body = "GET".equals(s.method())
                ? null
                : fill(
                        s.bodyTemplate() == null ? "" : s.bodyTemplate(),
                        values,
                        contentType.contains("json")
                                ? this::jsonEscape
                                : contentType.contains("x-www-form-urlencoded")
                                        ? v -> URLEncoder.encode(v, StandardCharsets.UTF_8)
                                        : v -> v);
        Map<String, String> headers = new LinkedHashMap<>(s.headers());
        if (s.signatureHeader() != null && !s.signatureHeader().isBlank() && secret != null) {
            headers.put(s.signatureHeader(), Signatures.hexHmac(secret, body == null ? "" : body));
        }
        return new Outgoing(s.method(), URI.create(url), headers, body);
    }

    private String jsonEscape(String v) {
        String quoted = json.writeValueAsString(v);
        return quoted.substring(1, quoted.length() - 1);
    }

    private static final java.util.regex.Pattern PLACEHOLDER =
            java.util.regex.Pattern.compile("\\{(phone|text|event|id|severity|link)}");

    /** Fills the placeholders in one pass, so a value that contains "{link}" stays as it is. */
    static String fill(String template, Map<String, String> values, java.util.function.UnaryOperator<String> encode) {
        return PLACEHOLDER
                .matcher(template)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(encode.apply(values.get(m.group(1)))));
    }
}
