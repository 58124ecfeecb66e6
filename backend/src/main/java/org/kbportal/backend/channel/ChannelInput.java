package org.kbportal.backend.channel;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kbportal.backend.system.KbException;
import org.springframework.http.HttpStatus;

/**
 * A channel as the admin API takes it. An empty or missing list means every value. {@code secret} is
 * write-only: missing keeps the stored one (on update), empty removes it.
 */
record ChannelInput(
        String kind,
        String name,
        String url,
        String secret,
        List<String> events,
        List<String> categories,
        List<String> severities,
        Boolean enabled,
        SmsSettings sms) {

    private static final Set<String> SEVERITIES = Set.of("A", "B", "C", "D");
    private static final Set<String> METHODS = Set.of("POST", "PUT", "GET");
    /** Headers the HTTP client sets itself. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    /** The row to store; 400 {@code urn:kb:channel-invalid} naming the field otherwise. */
    ChannelRepository.Row validate(ChannelProperties props) {
        ChannelKind k = parseKind();
        if (name == null || name.isBlank() || name.length() > 100) {
            throw invalid("name", "A name of 1 to 100 characters is required.");
        }
        checkUrl(url, props);
        Set<EventType> ev = EnumSet.noneOf(EventType.class);
        for (String e : events == null ? List.<String>of() : events) {
            try {
                EventType t = EventType.parse(e);
                if (t == EventType.TEST) {
                    throw new IllegalArgumentException();
                }
                ev.add(t);
            } catch (RuntimeException x) {
                throw invalid("events", "Unknown event type: " + MessageText.cut(String.valueOf(e), 40) + ".");
            }
        }
        List<String> cats = new ArrayList<>();
        for (String c : categories == null ? List.<String>of() : categories) {
            if (c == null || c.isBlank() || c.length() > 100 || c.contains(",")) {
                throw invalid("categories", "A category is 1 to 100 characters without commas.");
            }
            cats.add(c.strip());
        }
        List<String> sev = new ArrayList<>();
        for (String s : severities == null ? List.<String>of() : severities) {
            String up = s == null ? "" : s.strip().toUpperCase(Locale.ROOT);
            if (!SEVERITIES.contains(up)) {
                throw invalid("severities", "Severities are A, B, C or D.");
            }
            sev.add(up);
        }
        if (secret != null && secret.length() > 500) {
            throw invalid("secret", "The secret is too long.");
        }
        if (k == ChannelKind.WEBHOOK && secret != null && !secret.isEmpty()) {
            if (!secret.startsWith("whsec_")) {
                throw invalid("secret", "A webhook secret is whsec_ followed by a Base64 key of 24 to 64 bytes.");
            }
            try {
                Signatures.webhookKey(secret);
            } catch (IllegalArgumentException x) {
                throw invalid("secret", "A webhook secret is whsec_ followed by a Base64 key of 24 to 64 bytes.");
            }
        }
        SmsSettings smsSettings = null;
        if (k == ChannelKind.SMS) {
            smsSettings = sms == null ? new SmsSettings("POST", Map.of(), null, null) : sms;
            if (!METHODS.contains(smsSettings.method())) {
                throw invalid("sms.method", "The method is POST, PUT or GET.");
            }
            if (!"GET".equals(smsSettings.method())
                    && (smsSettings.bodyTemplate() == null
                            || smsSettings.bodyTemplate().isBlank())) {
                throw invalid("sms.bodyTemplate", "A body template with {phone} and {text} is required.");
            }
            for (Map.Entry<String, String> h : smsSettings.headers().entrySet()) {
                if (!h.getKey().matches("[A-Za-z0-9-]{1,60}")
                        || RESTRICTED.contains(h.getKey().toLowerCase(Locale.ROOT))
                        || h.getValue() == null
                        || h.getValue().length() > 500
                        || h.getValue().contains("\n")
                        || h.getValue().contains("\r")) {
                    throw invalid("sms.headers", "Header names are letters, digits and dashes; values one line.");
                }
            }
            String sig = smsSettings.signatureHeader();
            if (sig != null && !sig.isBlank() && !sig.matches("[A-Za-z0-9-]{1,60}")) {
                throw invalid("sms.signatureHeader", "A header name is letters, digits and dashes.");
            }
        }
        return new ChannelRepository.Row(
                k, name.strip(), url.strip(), null, ev, cats, sev, smsSettings, enabled == null || enabled);
    }

    private ChannelKind parseKind() {
        try {
            return ChannelKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw invalid("kind", "The kind is WECOM, DINGTALK, FEISHU, SMS or WEBHOOK.");
        }
    }

    /** http or https only, a host, and (when {@code kb.channel.allowed-hosts} is set) an allowed one. */
    static void checkUrl(String url, ChannelProperties props) {
        URI u;
        try {
            u = url == null || url.length() > 2000 ? null : new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            u = null;
        }
        if (u == null
                || u.getScheme() == null
                || !Set.of("http", "https").contains(u.getScheme().toLowerCase(Locale.ROOT))
                || u.getHost() == null
                || u.getRawUserInfo() != null) {
            throw invalid("url", "The URL must be an absolute http or https address without user information.");
        }
        String host = u.getHost().toLowerCase(Locale.ROOT);
        if (!props.allowedHosts().isEmpty()
                && props.allowedHosts().stream()
                        .map(h -> h.strip().toLowerCase(Locale.ROOT))
                        .noneMatch(host::equals)) {
            throw invalid("url", "The host " + host + " is not in kb.channel.allowed-hosts.");
        }
    }

    static KbException invalidPreferences(String field, String detail) {
        return new KbException(
                HttpStatus.BAD_REQUEST, "preferences-invalid", "Invalid preferences", detail, Map.of("field", field));
    }

    static KbException invalid(String field, String detail) {
        return new KbException(
                HttpStatus.BAD_REQUEST, "channel-invalid", "Invalid channel", detail, Map.of("field", field));
    }
}
