package org.kbportal.ui.search;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.kbportal.ui.client.Category;
import org.kbportal.ui.navigation.Routes;

/** What to do when nothing matched: spelling, fewer words, fewer filters, categories, an expert. */
class NoResults extends Composite<Div> {

    private final BooleanSupplier signedIn;

    /** @param signedIn whether the visitor is signed in (asking an expert needs an account) */
    NoResults(BooleanSupplier signedIn) {
        this.signedIn = signedIn;
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
        boolean member = signedIn.getAsBoolean();
        // a visitor learns that asking needs an account, and signs in on the way to the form
        Anchor ask = member
                ? Routes.link(Routes.ASK, getTranslation("empty.ask"))
                : Routes.link(Routes.loginTo(Routes.ASK), getTranslation("empty.ask.sign-in"));
        ask.setId("search-empty-ask");
        hints.add(new ListItem(
                new Span(getTranslation(member ? "empty.hint.expert" : "empty.hint.expert.anonymous") + " "), ask));
        getContent().add(new H2(getTranslation("empty.title", words)), hints);
        if (!categories.isEmpty()) {
            getContent().add(CategoryLinks.of(getTranslation("empty.browse"), categories, getLocale()));
        }
    }
}
