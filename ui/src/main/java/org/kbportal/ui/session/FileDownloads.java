package org.kbportal.ui.session;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.BackendFiles;
import org.kbportal.ui.i18n.ErrorMessages;
import org.kbportal.ui.i18n.KbI18NProvider;
import org.springframework.stereotype.Component;

/**
 * Every download of the UI: a backend file streamed through the portal, so the browser never sees
 * the backend or the token. Vaadin runs a download outside the session lock, where the session
 * must not be touched; so the handler locks the session once, briefly, to read who is signed in
 * and their language, then streams without it. A refusal (no longer allowed, gone, backend down)
 * is answered with its status and a localized sentence, and shown on the page as a notification.
 */
@Component
public class FileDownloads {

    private final CurrentUser user;
    private final ErrorMessages errors;
    private final KbI18NProvider texts;
    private final BackendFiles files;

    public FileDownloads(CurrentUser user, ErrorMessages errors, KbI18NProvider texts, BackendFiles files) {
        this.user = user;
        this.errors = errors;
        this.texts = texts;
        this.files = files;
    }

    /** Who asks and in which language, read while the session is locked. */
    record Asker(BackendFiles.Caller caller, Locale locale) {}

    /** A link that saves the file (never shows it) under {@code fileName}. */
    public Anchor link(BackendFiles.Request file, String fileName, String contentType, String text) {
        return new Anchor(handler(file, fileName, contentType), AttachmentType.DOWNLOAD, text);
    }

    public DownloadHandler handler(BackendFiles.Request file, String fileName, String contentType) {
        return event -> {
            Asker asker = asker(event);
            try {
                files.stream(file, asker.caller(), () -> {
                    event.setFileName(fileName);
                    event.setContentType(contentType);
                    return event.getOutputStream();
                });
            } catch (BackendException e) {
                refuse(event, fileName, e, asker.locale());
            }
        };
    }

    private Asker asker(DownloadEvent event) {
        VaadinSession session = event.getSession();
        String address = event.getRequest().getRemoteAddr();
        Asker[] asker = new Asker[1];
        session.accessSynchronously(() -> {
            UI ui = event.getUI();
            Locale locale = ui != null ? ui.getLocale() : session.getLocale();
            asker[0] = new Asker(
                    new BackendFiles.Caller(user.currentToken().orElse(null), address),
                    locale == null ? KbI18NProvider.CHINESE : locale);
        });
        return asker[0];
    }

    private void refuse(DownloadEvent event, String fileName, BackendException e, Locale locale) throws IOException {
        String message = texts.getTranslation("download.refused", locale, fileName, errors.describe(e, locale));
        event.getResponse().setStatus(e.status() > 0 ? e.status() : 502);
        event.getResponse().setContentType("text/plain; charset=UTF-8");
        event.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
        UI ui = event.getUI();
        if (ui != null) {
            ui.access(() -> {
                if (e.status() == 401) {
                    user.tokenRejected();
                }
                Span text = new Span(message);
                text.setId("download-refused");
                Notification note = new Notification(text);
                note.setDuration(8000);
                note.setPosition(Notification.Position.MIDDLE);
                note.addThemeVariants(NotificationVariant.LUMO_ERROR);
                note.open();
            });
        }
    }
}
