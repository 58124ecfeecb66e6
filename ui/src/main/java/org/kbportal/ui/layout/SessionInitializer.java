package org.kbportal.ui.layout;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.Cookie;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.kbportal.ui.i18n.KbI18NProvider;
import org.springframework.stereotype.Component;

/**
 * Prepares every new browser session: the readable error handler, and the starting language: the one
 * the user last chose with the header switch (a cookie), else English when the browser prefers
 * English to Chinese, else Chinese (the portal serves Chinese teams first).
 */
@Component
class SessionInitializer implements VaadinServiceInitListener {

    private static final long serialVersionUID = 1L;

    private final MainErrorHandler errorHandler;

    SessionInitializer(MainErrorHandler errorHandler) {
        this.errorHandler = errorHandler;
    }

    /** The cookie that keeps an explicit language choice across sessions. */
    static final String LANGUAGE_COOKIE = "kb-lang";

    static Locale startingLocale(VaadinRequest request) {
        if (request == null) {
            return KbI18NProvider.CHINESE;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (LANGUAGE_COOKIE.equals(c.getName())) {
                    return "en".equals(c.getValue()) ? KbI18NProvider.ENGLISH : KbI18NProvider.CHINESE;
                }
            }
        }
        return preferred(Collections.list(request.getLocales()));
    }

    /** The first of the browser's languages (Accept-Language, in order) that the portal speaks. */
    static Locale preferred(List<Locale> browser) {
        for (Locale l : browser) {
            if ("en".equals(l.getLanguage())) {
                return KbI18NProvider.ENGLISH;
            }
            if ("zh".equals(l.getLanguage())) {
                return KbI18NProvider.CHINESE;
            }
        }
        return KbI18NProvider.CHINESE;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> {
            init.getSession().setErrorHandler(errorHandler);
            init.getSession().setLocale(startingLocale(init.getRequest()));
        });
    }
}
