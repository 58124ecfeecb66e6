package org.kbportal.ui.widget;

import com.vaadin.flow.component.html.Div;

/** A page's or form's error line: hidden until there is something to say (browser tests find it by id). */
public class ErrorLine extends Div {

    private static final long serialVersionUID = 1L;

    public ErrorLine(String id) {
        setId(id);
        addClassName("kb-error");
        setVisible(false);
    }

    /** Shows the text. */
    public void show(String text) {
        setText(text);
        setVisible(true);
    }

    /** Hides the line. */
    public void hide() {
        setVisible(false);
    }
}
