package org.kbportal.ui.layout;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.i18n.ErrorMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The last line of defence for failures in event listeners: logs them and shows the user one
 * readable sentence in a notification, never a stack trace.
 */
@Component
class MainErrorHandler implements ErrorHandler {

    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(MainErrorHandler.class);

    private final transient ErrorMessages messages;

    MainErrorHandler(ErrorMessages messages) {
        this.messages = messages;
    }

    @Override
    public void error(ErrorEvent event) {
        Throwable failure = event.getThrowable();
        if (isBackendProblem(failure)) {
            // expected kinds of failure (validation, conflicts, backend down): no stack trace needed
            log.info("Backend call failed: {}", failure.getMessage());
        } else {
            log.error("Unexpected UI failure", failure);
        }
        UI ui = UI.getCurrent();
        if (ui == null) {
            return;
        }
        String text = messages.describe(failure, ui.getLocale());
        ui.access(() -> {
            Notification note = Notification.show(text, 6000, Notification.Position.TOP_CENTER);
            note.addThemeVariants(NotificationVariant.LUMO_ERROR);
            note.setId("error-notification");
        });
    }

    private static boolean isBackendProblem(Throwable t) {
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof BackendException) {
                return true;
            }
        }
        return false;
    }
}
