package org.kbportal.ui.widget;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The parts most pages start with, and the short confirmation after an action. */
public final class PageParts {

    private PageParts() {}

    /** The page's heading, with the page's main actions beside it. */
    public static Div top(String title, Component... actions) {
        Div top = new Div(new H1(title));
        top.add(actions);
        top.addClassName("kb-admin-top");
        return top;
    }

    /** The paragraph under the heading that says what the page is for. */
    public static Paragraph intro(String text) {
        Paragraph intro = new Paragraph(text);
        intro.addClassName("kb-intro");
        return intro;
    }

    /** A short green confirmation at the bottom corner (three seconds). */
    public static Notification success(String text) {
        Notification note = Notification.show(text, 3000, Notification.Position.BOTTOM_END);
        note.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        return note;
    }
}
