package org.kbportal.ui.i18n;

import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;

/**
 * Grid cells that show what people or the data wrote (titles, names, terms, codes people search by), in
 * whatever language it was written: marked {@code kb-content}, apart from the interface's own words
 * (which the browser tests check for English on the Chinese UI).
 */
public final class Content {

    private Content() {}

    /** A cell with the text {@code value} gives, escaped by Lit. */
    public static <T> LitRenderer<T> text(ValueProvider<T, String> value) {
        return LitRenderer.<T>of("<span class=\"kb-content\">${item.text}</span>")
                .withProperty("text", item -> {
                    String text = value.apply(item);
                    return text == null ? "" : text;
                });
    }
}
