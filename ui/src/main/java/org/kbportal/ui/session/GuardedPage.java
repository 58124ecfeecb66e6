package org.kbportal.ui.session;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * A page that only some callers may open: the access check runs before anything is built (so nothing
 * asks the backend for someone who may not see it), the content is built once, and the data is
 * reloaded on every visit. The browser title is the page's title key followed by the portal's name.
 */
public abstract class GuardedPage extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final String titleKey;

    protected GuardedPage(String titleKey) {
        this.titleKey = titleKey;
    }

    /** Whether the caller may see the page; when not, the check has already rerouted the event. */
    protected abstract boolean allowed(BeforeEnterEvent event);

    /** Creates the page's components (once). */
    protected abstract void build();

    /** Loads the page's data (on every visit). */
    protected void refresh() {}

    @Override
    public final void beforeEnter(BeforeEnterEvent event) {
        if (!allowed(event)) {
            return;
        }
        if (getComponentCount() == 0) {
            build();
        }
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey) + " · " + getTranslation("app.name");
    }
}
