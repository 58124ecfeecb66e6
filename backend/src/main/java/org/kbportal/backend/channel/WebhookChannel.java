package org.kbportal.backend.channel;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Outbound webhooks signed per Standard Webhooks: the body is the stored payload, {@code webhook-id} the
 * delivery's event id (the same in every retry and redelivery), {@code webhook-timestamp} the attempt's
 * time in seconds, {@code webhook-signature: v1,<base64 HMAC-SHA256(key, id.timestamp.body)>}.
 */
@Component
class WebhookChannel implements Channel {

    @Override
    public ChannelKind kind() {
        return ChannelKind.WEBHOOK;
    }

    @Override
    public Outgoing request(StoredChannel c, String secret, Delivery d, Payload p, Instant now) {
        long ts = now.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("webhook-id", d.eventId());
        headers.put("webhook-timestamp", String.valueOf(ts));
        if (secret != null && !secret.isEmpty()) {
            headers.put("webhook-signature", Signatures.standardWebhook(secret, d.eventId(), ts, d.payload()));
        }
        return new Outgoing("POST", URI.create(c.url()), headers, d.payload());
    }
}
