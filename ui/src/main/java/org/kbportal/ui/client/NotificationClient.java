package org.kbportal.ui.client;

import java.util.List;
import org.kbportal.contract.notify.MarkedRead;
import org.kbportal.contract.notify.Notification;
import org.kbportal.contract.notify.NotificationLanguage;
import org.kbportal.contract.notify.UnreadCount;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/** The signed-in user's in-portal notifications ({@code /api/notifications}) and their settings. Declarative. */
@HttpExchange(accept = MediaType.APPLICATION_JSON_VALUE)
public interface NotificationClient {

    /** The latest 100, newest first; only the unread ones with {@code unreadOnly}. */
    @GetExchange("/api/notifications")
    List<Notification> list(@RequestParam("unread") boolean unreadOnly);

    @GetExchange("/api/notifications/unread-count")
    UnreadCount unread();

    /** How many are unread. */
    default long unreadCount() {
        UnreadCount count = unread();
        return count == null ? 0 : count.unread();
    }

    /** Marks one read (someone else's id changes nothing). */
    @PostExchange("/api/notifications/{id}/read")
    void markRead(@PathVariable long id);

    /** Marks all read. */
    @PostExchange("/api/notifications/read-all")
    MarkedRead markAllRead();

    /**
     * Which events reach the user by e-mail and by SMS, and quiet hours ({@code HH:mm}) without SMS except
     * for severity A; a null list means every event.
     */
    record Preferences(List<String> email, List<String> sms, String quietStart, String quietEnd) {}

    /** The user's own choices ({@code GET /api/me/notification-preferences}). */
    @GetExchange("/api/me/notification-preferences")
    Preferences preferences();

    /** @throws BackendException 400 {@code preferences-invalid} naming the field */
    @PutExchange("/api/me/notification-preferences")
    Preferences savePreferences(@RequestBody Preferences p);

    @GetExchange("/api/notifications/language")
    NotificationLanguage languageChoice();

    /** The language of one's e-mails and in-portal notifications: {@code zh} or {@code en}. */
    default String language() {
        return String.valueOf(languageChoice().lang());
    }

    @PutExchange("/api/notifications/language")
    NotificationLanguage setLanguage(@RequestBody NotificationLanguage language);

    /** Chooses the language of one's e-mails and in-portal notifications ({@code zh} or {@code en}). */
    default void setLanguage(String lang) {
        setLanguage(new NotificationLanguage(lang));
    }
}
