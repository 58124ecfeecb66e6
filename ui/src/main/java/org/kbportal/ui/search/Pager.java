package org.kbportal.ui.search;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.shared.Registration;

/** Previous / "page n of m" / next. Fires a {@link PageEvent}; the view decides what a page is. */
class Pager extends Composite<Div> {

    private final Button previous = new Button();
    private final Button next = new Button();
    private final Span status = new Span();
    private int page;

    /** The user asked for another page (0-based). */
    static class PageEvent extends ComponentEvent<Pager> {
        private final int page;

        PageEvent(Pager source, int page) {
            super(source, false);
            this.page = page;
        }

        int page() {
            return page;
        }
    }

    Pager() {
        previous.setText(getTranslation("pager.previous"));
        previous.setIcon(VaadinIcon.ANGLE_LEFT.create());
        previous.setId("pager-prev");
        next.setText(getTranslation("pager.next"));
        next.setIcon(VaadinIcon.ANGLE_RIGHT.create());
        next.setIconAfterText(true);
        next.setId("pager-next");
        status.setId("pager-status");
        previous.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        next.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        previous.addClickListener(e -> fireEvent(new PageEvent(this, page - 1)));
        next.addClickListener(e -> fireEvent(new PageEvent(this, page + 1)));
        getContent().add(previous, status, next);
        getContent().addClassName("kb-pager");
    }

    /** Shows page {@code page} (0-based) of {@code pages}; hidden when there is only one. */
    void show(int page, int pages) {
        this.page = page;
        status.setText(getTranslation("pager.status", page + 1, pages));
        previous.setEnabled(page > 0);
        next.setEnabled(page + 1 < pages);
        setVisible(pages > 1);
    }

    Registration addPageListener(ComponentEventListener<PageEvent> listener) {
        return addListener(PageEvent.class, listener);
    }
}
