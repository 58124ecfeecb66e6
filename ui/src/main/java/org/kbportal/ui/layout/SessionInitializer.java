package org.kbportal.ui.layout;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.kbportal.ui.i18n.KbI18NProvider;
import org.springframework.stereotype.Component;

/**
 * Prepares every new browser session: the readable error handler, and Chinese as the starting
 * language whatever the browser asks for (the portal serves Chinese teams first; the header
 * switch changes it).
 */
@Component
class SessionInitializer implements VaadinServiceInitListener {

    private static final long serialVersionUID = 1L;

    private final MainErrorHandler errorHandler;

    SessionInitializer(MainErrorHandler errorHandler) {
        this.errorHandler = errorHandler;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> {
            init.getSession().setErrorHandler(errorHandler);
            init.getSession().setLocale(KbI18NProvider.CHINESE);
        });
    }
}
