package org.kbportal.ui.search;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import org.kbportal.ui.article.ArticleBadges;
import org.kbportal.ui.client.Article;
import org.kbportal.ui.client.CategoryCatalog;
import org.kbportal.ui.client.SearchHit;
import org.kbportal.ui.navigation.Routes;

/**
 * The hits of one result page: linked title, badges, category and the highlighted snippet. Opening
 * a title (click, or middle click into a new tab) fires an {@link OpenEvent}.
 */
class HitList extends Composite<Div> {

    private final CategoryCatalog categories;

    /** The user opened a hit. */
    static class OpenEvent extends ComponentEvent<HitList> {
        private final SearchHit hit;

        OpenEvent(HitList source, SearchHit hit) {
            super(source, true);
            this.hit = hit;
        }

        SearchHit hit() {
            return hit;
        }
    }

    HitList(CategoryCatalog categories) {
        this.categories = categories;
        getContent().addClassName("kb-hits");
        getContent().setId("search-hits");
    }

    void show(List<SearchHit> hits) {
        getContent().removeAll();
        hits.forEach(hit -> getContent().add(card(hit)));
    }

    Registration addOpenListener(ComponentEventListener<OpenEvent> listener) {
        return addListener(OpenEvent.class, listener);
    }

    private Div card(SearchHit hit) {
        Anchor title = Routes.link(Routes.article(hit.id()), hit.title());
        title.addClassNames("search-hit-title", "kb-content");
        // the link navigates by itself; these only report it, before the navigation arrives
        title.getElement().addEventListener("click", e -> fireEvent(new OpenEvent(this, hit)));
        title.getElement()
                .addEventListener("auxclick", e -> fireEvent(new OpenEvent(this, hit)))
                .setFilter("event.button === 1");

        Div meta = new Div(ArticleBadges.type(hit.type()));
        meta.addClassName("kb-meta");
        if (hit.status() != null && !Article.PUBLISHED.equals(hit.status())) {
            // only administrators see unpublished hits; make them impossible to mistake
            meta.add(ArticleBadges.status(hit.status()));
        }
        meta.add(new Span(categories.name(hit.category(), getLocale())), ArticleBadges.lang(hit.lang()));

        Div snippet = new Div();
        snippet.addClassNames("kb-snippet", "kb-content");
        snippet.getElement().setProperty("innerHTML", Snippets.sanitize(hit.snippet()));

        Div card = new Div(title, meta, snippet);
        card.addClassName("search-hit");
        card.getElement().setAttribute("data-id", hit.id());
        return card;
    }
}
