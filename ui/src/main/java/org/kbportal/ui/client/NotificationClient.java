package org.kbportal.ui.client;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The signed-in user's in-portal notifications ({@code /api/notifications}). */
@Component
public class NotificationClient {

    private final RestClient http;

    public NotificationClient(RestClient backendRestClient) {
        this.http = backendRestClient;
    }

    /** The latest 100, newest first; only the unread ones with {@code unreadOnly}. */
    public List<PortalNotification> list(boolean unreadOnly) {
        PortalNotification[] all = BackendCalls.call(() -> http.get()
                .uri("/api/notifications?unread={u}", unreadOnly)
                .retrieve()
                .body(PortalNotification[].class));
        return all == null ? List.of() : Arrays.asList(all);
    }

    /** How many are unread. */
    public long unreadCount() {
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = BackendCalls.call(() ->
                http.get().uri("/api/notifications/unread-count").retrieve().body(Map.class));
        return answer != null && answer.get("unread") instanceof Number n ? n.longValue() : 0;
    }

    /** Marks one read (someone else's id changes nothing). */
    public void markRead(long id) {
        BackendCalls.run(() ->
                http.post().uri("/api/notifications/{id}/read", id).retrieve().toBodilessEntity());
    }

    /**
     * Which events reach the user by e-mail and by SMS, and quiet hours ({@code HH:mm}) without SMS except
     * for severity A; a null list means every event.
     */
    public record Preferences(List<String> email, List<String> sms, String quietStart, String quietEnd) {}

    /** The user's own choices ({@code GET /api/me/notification-preferences}). */
    public Preferences preferences() {
        return BackendCalls.call(() ->
                http.get().uri("/api/me/notification-preferences").retrieve().body(Preferences.class));
    }

    /** @throws BackendException 400 {@code preferences-invalid} naming the field */
    public Preferences savePreferences(Preferences p) {
        return BackendCalls.call(() -> http.put()
                .uri("/api/me/notification-preferences")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(p)
                .retrieve()
                .body(Preferences.class));
    }

    /** The language of one's e-mails and in-portal notifications: {@code zh} or {@code en}. */
    public String language() {
        Map<?, ?> body = BackendCalls.call(
                () -> http.get().uri("/api/notifications/language").retrieve().body(Map.class));
        return String.valueOf(body.get("lang"));
    }

    /** Chooses the language of one's e-mails and in-portal notifications ({@code zh} or {@code en}). */
    public void setLanguage(String lang) {
        BackendCalls.run(() -> http.put()
                .uri("/api/notifications/language")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of("lang", lang))
                .retrieve()
                .toBodilessEntity());
    }

    /** Marks all read. */
    public void markAllRead() {
        BackendCalls.run(
                () -> http.post().uri("/api/notifications/read-all").retrieve().toBodilessEntity());
    }
}
