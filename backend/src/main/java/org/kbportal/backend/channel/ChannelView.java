package org.kbportal.backend.channel;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A channel as the admin API shows it: never the secret ({@code secretSet} says whether there is one);
 * query values of the URL (a WeCom key) and SMS header values are shown as {@value #MASK}. Sending such
 * a masked value back in an update keeps the stored one.
 */
record ChannelView(
        long id,
        ChannelKind kind,
        String name,
        String url,
        boolean secretSet,
        List<String> events,
        List<String> categories,
        List<String> severities,
        boolean enabled,
        SmsSettings sms,
        Instant createdAt,
        Instant updatedAt) {

    static final String MASK = "***";

    static ChannelView of(StoredChannel c) {
        return new ChannelView(
                c.id(),
                c.kind(),
                c.name(),
                maskUrl(c.url()),
                c.secretEnc() != null && !c.secretEnc().isEmpty(),
                c.events().stream().map(Enum::name).toList(),
                c.categories(),
                c.severities(),
                c.enabled(),
                c.sms() == null ? null : maskHeaders(c.sms()),
                c.createdAt(),
                c.updatedAt());
    }

    static String maskUrl(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return url;
        }
        StringBuilder sb = new StringBuilder(url.substring(0, q + 1));
        String[] parts = url.substring(q + 1).split("&", -1);
        for (int i = 0; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            sb.append(i == 0 ? "" : "&").append(eq < 0 ? parts[i] : parts[i].substring(0, eq + 1) + MASK);
        }
        return sb.toString();
    }

    private static SmsSettings maskHeaders(SmsSettings s) {
        Map<String, String> h = new LinkedHashMap<>();
        s.headers().keySet().forEach(k -> h.put(k, MASK));
        return new SmsSettings(s.method(), h, s.bodyTemplate(), s.signatureHeader());
    }

    /** The update's row with masked values replaced by the stored ones. */
    static ChannelRepository.Row unmask(ChannelRepository.Row r, StoredChannel old) {
        String url = r.url().equals(maskUrl(old.url())) ? old.url() : r.url();
        SmsSettings sms = r.sms();
        if (sms != null && old.sms() != null) {
            Map<String, String> h = new LinkedHashMap<>();
            sms.headers()
                    .forEach((k, v) ->
                            h.put(k, MASK.equals(v) ? old.sms().headers().getOrDefault(k, "") : v));
            sms = new SmsSettings(sms.method(), h, sms.bodyTemplate(), sms.signatureHeader());
        }
        return new ChannelRepository.Row(
                r.kind(), r.name(), url, r.secretEnc(), r.events(), r.categories(), r.severities(), sms, r.enabled());
    }
}
