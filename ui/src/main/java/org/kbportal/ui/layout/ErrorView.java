package org.kbportal.ui.layout;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.servlet.http.HttpServletResponse;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.i18n.ErrorMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces Vaadin's default error page (which shows a stack trace in development mode) for
 * failures while opening a page.
 */
@ParentLayout(MainLayout.class)
class ErrorView extends Composite<Div> implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ErrorView.class);

    private final transient ErrorMessages messages;

    ErrorView(ErrorMessages messages) {
        this.messages = messages;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        Exception failure = parameter.getCaughtException();
        boolean unavailable = failure instanceof BackendException b && b.kind() == BackendException.Kind.UNAVAILABLE;
        if (failure instanceof BackendException) {
            log.info("Page {} failed: {}", event.getLocation().getPath(), failure.getMessage());
        } else {
            log.error("Page {} failed", event.getLocation().getPath(), failure);
        }
        getContent().removeAll();
        getContent()
                .add(ProblemPage.build(
                        "page-error",
                        VaadinIcon.WARNING,
                        getTranslation("error.page.title"),
                        messages.describe(failure, getLocale()),
                        getTranslation("notfound.back")));
        return unavailable ? HttpServletResponse.SC_SERVICE_UNAVAILABLE : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
