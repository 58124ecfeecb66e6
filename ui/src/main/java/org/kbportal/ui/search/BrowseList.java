package org.kbportal.ui.search;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.kbportal.ui.article.ArticleBadges;
import org.kbportal.ui.client.Article;
import org.kbportal.ui.i18n.DateTimes;
import org.kbportal.ui.navigation.Routes;

/** The articles of one category, for browsing without search words. */
class BrowseList extends Composite<Div> {

    private final DateTimes dates;

    BrowseList(DateTimes dates) {
        this.dates = dates;
        getContent().setId("browse-list");
        getContent().addClassName("kb-hits");
    }

    void show(List<Article> articles) {
        getContent().removeAll();
        for (Article a : articles) {
            Anchor title = Routes.link(Routes.article(a.id()), a.title());
            title.addClassName("browse-item-title");
            Div meta = new Div(ArticleBadges.type(a.type()));
            if (!Article.PUBLISHED.equals(a.status())) {
                meta.add(ArticleBadges.status(a.status()));
            }
            meta.add(
                    ArticleBadges.lang(a.lang()),
                    new Span(getTranslation("article.updated-at", dates.format(a.updatedAt()))));
            meta.addClassName("kb-meta");
            Div item = new Div(title, meta);
            item.addClassName("browse-item");
            getContent().add(item);
        }
    }
}
