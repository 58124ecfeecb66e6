package org.kbportal.ui.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/** Notification channels: group robots, SMS gateway, webhooks ({@code /api/admin/channels}, ADMIN). Declarative. */
@HttpExchange(accept = MediaType.APPLICATION_JSON_VALUE)
public interface ChannelClient {

    /** A channel as the backend shows it; the secret never comes back, only whether there is one. */
    record Channel(
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
    record Sms(String method, Map<String, String> headers, String bodyTemplate, String signatureHeader) {}

    /** A channel as sent; a null secret keeps the stored one. */
    record ChannelInput(
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
    record Delivery(
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

    @GetExchange("/api/admin/channels")
    List<Channel> list();

    /** @throws BackendException 400 {@code channel-invalid} naming the field */
    @PostExchange("/api/admin/channels")
    Channel create(@RequestBody ChannelInput in);

    /** @throws BackendException 400 {@code channel-invalid}; 404 {@code channel-not-found} */
    @PutExchange("/api/admin/channels/{id}")
    Channel update(@PathVariable long id, @RequestBody ChannelInput in);

    @DeleteExchange("/api/admin/channels/{id}")
    void delete(@PathVariable long id);

    /** Sends a test message now; the answer carries the receiver's status. */
    @PostExchange("/api/admin/channels/{id}/test")
    Delivery test(@PathVariable long id);

    /** The channel's last {@code limit} messages, failures first. */
    @GetExchange("/api/admin/channels/{id}/deliveries")
    List<Delivery> deliveries(@PathVariable long id, @RequestParam int limit);

    /** The channel's messages, failures first. */
    default List<Delivery> deliveries(long id) {
        return deliveries(id, 100);
    }

    @PostExchange("/api/admin/channels/deliveries/{id}/redeliver")
    Delivery redeliver(@PathVariable("id") long deliveryId);
}
