package org.kbportal.ui.search;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.kbportal.ui.article.ArticleBadges;
import org.kbportal.ui.client.Article;
import org.kbportal.ui.client.CategoryCatalog;
import org.kbportal.ui.client.SearchHit;
import org.kbportal.ui.navigation.Routes;

/** The hits of one result page: linked title, badges, category and the highlighted snippet. */
class HitList extends Composite<Div> {

    private final CategoryCatalog categories;

    HitList(CategoryCatalog categories) {
        this.categories = categories;
        getContent().addClassName("kb-hits");
        getContent().setId("search-hits");
    }

    void show(List<SearchHit> hits) {
        getContent().removeAll();
        hits.forEach(hit -> getContent().add(card(hit)));
    }

    private Div card(SearchHit hit) {
        Anchor title = Routes.link(Routes.article(hit.id()), hit.title());
        title.addClassName("search-hit-title");

        Div meta = new Div(ArticleBadges.type(hit.type()));
        meta.addClassName("kb-meta");
        if (hit.status() != null && !Article.PUBLISHED.equals(hit.status())) {
            // only administrators see unpublished hits; make them impossible to mistake
            meta.add(ArticleBadges.status(hit.status()));
        }
        meta.add(new Span(categories.name(hit.category(), getLocale())), ArticleBadges.lang(hit.lang()));

        Div snippet = new Div();
        snippet.addClassName("kb-snippet");
        snippet.getElement().setProperty("innerHTML", Snippets.sanitize(hit.snippet()));

        Div card = new Div(title, meta, snippet);
        card.addClassName("search-hit");
        card.getElement().setAttribute("data-id", hit.id());
        return card;
    }
}
