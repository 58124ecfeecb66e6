package org.kbportal.ui.search;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;
import org.kbportal.ui.client.Category;
import org.kbportal.ui.navigation.Routes;

/** A row of links that browse one category each ({@code ?category=<code>}, id {@code browse-<code>}). */
final class CategoryLinks {

    private CategoryLinks() {}

    static Div of(String heading, List<Category> categories, Locale locale) {
        Div links = new Div(new Span(heading));
        links.addClassName("kb-category-links");
        for (Category c : categories) {
            Anchor link = Routes.link(Routes.SEARCH + "?category=" + c.code(), c.name(locale));
            link.setId("browse-" + c.code());
            link.addClassName("kb-chip");
            links.add(link);
        }
        return links;
    }
}
