package org.kbportal.ui.client;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** Notification channels: group robots, SMS gateway, webhooks ({@code /api/admin/channels}, ADMIN). */
@Component
public class ChannelClient {

    /** A channel as the backend shows it; the secret never comes back, only whether there is one. */
    public record Channel(
            long id,
            String kind,
            String name,
            String url,
            boolean secretSet,
            List<String> events,
            List<String> categories,
            List<String> severities,
            boolean enabled,
            Sms sms) {

        public Channel {
            events = events == null ? List.of() : List.copyOf(events);
            categories = categories == null ? List.of() : List.copyOf(categories);
            severities = severities == null ? List.of() : List.copyOf(severities);
        }
    }

    /** How an SMS gateway is called. */
    public record Sms(String method, Map<String, String> headers, String bodyTemplate, String signatureHeader) {}

    /** A channel as sent; a null secret keeps the stored one. */
    public record ChannelInput(
            String kind,
            String name,
            String url,
            String secret,
            List<String> events,
            List<String> categories,
            List<String> severities,
            boolean enabled,
            Sms sms) {}

    /** One message of a channel with the receiver's last answer. */
    public record Delivery(
            long id,
            String eventId,
            String eventType,
            Long questionId,
            String status,
            int attempts,
            Integer lastStatusCode,
            String lastError,
            Instant createdAt,
            Instant updatedAt) {}

    private final RestClient http;

    public ChannelClient(RestClient backendRestClient) {
        this.http = backendRestClient;
    }

    public List<Channel> list() {
        Channel[] all = BackendCalls.call(
                () -> http.get().uri("/api/admin/channels").retrieve().body(Channel[].class));
        return all == null ? List.of() : Arrays.asList(all);
    }

    /** @throws BackendException 400 {@code channel-invalid} naming the field */
    public Channel create(ChannelInput in) {
        return BackendCalls.call(() -> http.post()
                .uri("/api/admin/channels")
                .contentType(MediaType.APPLICATION_JSON)
                .body(in)
                .retrieve()
                .body(Channel.class));
    }

    /** @throws BackendException 400 {@code channel-invalid}; 404 {@code channel-not-found} */
    public Channel update(long id, ChannelInput in) {
        return BackendCalls.call(() -> http.put()
                .uri("/api/admin/channels/{id}", id)
                .contentType(MediaType.APPLICATION_JSON)
                .body(in)
                .retrieve()
                .body(Channel.class));
    }

    public void delete(long id) {
        BackendCalls.run(() ->
                http.delete().uri("/api/admin/channels/{id}", id).retrieve().toBodilessEntity());
    }

    /** Sends a test message now; the answer carries the receiver's status. */
    public Delivery test(long id) {
        return BackendCalls.call(() ->
                http.post().uri("/api/admin/channels/{id}/test", id).retrieve().body(Delivery.class));
    }

    /** The channel's messages, failures first. */
    public List<Delivery> deliveries(long id) {
        Delivery[] all = BackendCalls.call(() -> http.get()
                .uri("/api/admin/channels/{id}/deliveries?limit=100", id)
                .retrieve()
                .body(Delivery[].class));
        return all == null ? List.of() : Arrays.asList(all);
    }

    public Delivery redeliver(long deliveryId) {
        return BackendCalls.call(() -> http.post()
                .uri("/api/admin/channels/deliveries/{id}/redeliver", deliveryId)
                .retrieve()
                .body(Delivery.class));
    }
}
