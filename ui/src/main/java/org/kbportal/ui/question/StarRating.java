package org.kbportal.ui.question;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One to five stars for one dimension of a rating. The stars are native radio buttons (visually hidden, focusable)
 * with star labels, so the keyboard works as for any radio group: Tab into the group, arrow keys choose, and screen
 * readers hear "4 星" from each button's label. The chosen value comes back through the buttons' change events.
 */
final class StarRating extends Div {

    private final List<Element> stars = new ArrayList<>();
    private final Span error = new Span();
    private Integer value;

    /**
     * @param id the group's id; the buttons are {@code <id>-1} … {@code <id>-5}
     * @param label what is rated
     * @param starLabel spoken label of the button for n stars
     */
    StarRating(String id, String label, IntFunction<String> starLabel) {
        setId(id);
        addClassName("kb-stars");
        getElement().setAttribute("role", "radiogroup");
        Span caption = new Span(label);
        caption.setId(id + "-label");
        caption.addClassName("kb-stars-label");
        getElement().setAttribute("aria-labelledby", id + "-label");
        Div row = new Div();
        row.addClassName("kb-stars-row");
        for (int n = 1; n <= 5; n++) {
            int stars = n;
            Element input = new Element("input");
            input.setAttribute("type", "radio");
            input.setAttribute("name", id);
            input.setAttribute("value", String.valueOf(n));
            input.setAttribute("id", id + "-" + n);
            input.setAttribute("aria-label", starLabel.apply(n));
            input.getClassList().add("kb-star-input");
            input.addEventListener("change", e -> select(stars));
            Element star = new Element("label");
            star.setAttribute("for", id + "-" + n);
            star.setAttribute("aria-hidden", "true");
            star.setText("★");
            star.getClassList().add("kb-star");
            row.getElement().appendChild(input, star);
            this.stars.add(star);
        }
        error.addClassName("kb-stars-error");
        error.setVisible(false);
        add(caption, row, error);
    }

    /** The chosen number of stars, or null while none is chosen. */
    Integer getValue() {
        return value;
    }

    /** Marks the group as missing a choice, with the message read out and shown. */
    void setInvalid(boolean invalid, String message) {
        error.setText(message);
        error.setVisible(invalid);
        getElement().setAttribute("aria-invalid", String.valueOf(invalid));
    }

    private void select(int n) {
        value = n;
        getElement().setAttribute("data-value", String.valueOf(n));
        for (int i = 0; i < stars.size(); i++) {
            stars.get(i).getClassList().set("on", i < n);
        }
        setInvalid(false, "");
    }
}
