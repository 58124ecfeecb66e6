package org.kbportal.ui.search;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import org.kbportal.ui.client.Category;
import org.kbportal.ui.navigation.Routes;

/** What to do when nothing matched: spelling, fewer words, fewer filters, categories, an expert. */
class NoResults extends Composite<Div> {

    NoResults() {
        getContent().setId("search-empty");
        getContent().addClassName("kb-empty");
    }

    void show(String words, boolean filtered, List<Category> categories) {
        getContent().removeAll();
        UnorderedList hints = new UnorderedList(
                new ListItem(getTranslation("empty.hint.spelling")),
                new ListItem(getTranslation("empty.hint.fewer-words")));
        if (filtered) {
            hints.add(new ListItem(getTranslation("empty.hint.filters")));
        }
        Anchor ask = Routes.link(Routes.ASK, getTranslation("empty.ask"));
        ask.setId("search-empty-ask");
        hints.add(new ListItem(new Span(getTranslation("empty.hint.expert") + " "), ask));
        getContent().add(new H2(getTranslation("empty.title", words)), hints);
        if (!categories.isEmpty()) {
            getContent().add(CategoryLinks.of(getTranslation("empty.browse"), categories, getLocale()));
        }
    }
}
