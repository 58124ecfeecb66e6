package org.kbportal.ui.session;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * A page behind the access check: {@link AccessControl} lets only the audience its {@link Access}
 * declares in before anything is built (so nothing asks the backend for someone who may not see it);
 * the content is built once, and the data is reloaded on every visit. The browser title is the page's
 * title key followed by the portal's name.
 */
public abstract class GuardedPage extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final String titleKey;

    protected GuardedPage(String titleKey) {
        this.titleKey = titleKey;
    }

    /**
     * Reads what the visit asks for (query parameters, say) before the page is built or refreshed.
     *
     * @return whether to build and refresh the page (a page that shows something else instead says no)
     */
    protected boolean prepare(BeforeEnterEvent event) {
        return true;
    }

    /** Creates the page's components (once). */
    protected abstract void build();

    /** Loads the page's data (on every visit). */
    protected void refresh() {}

    @Override
    public final void beforeEnter(BeforeEnterEvent event) {
        if (!prepare(event)) {
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
