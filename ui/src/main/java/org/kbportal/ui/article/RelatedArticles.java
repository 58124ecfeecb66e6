package org.kbportal.ui.article;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.LinkedHashSet;
import java.util.Set;
import org.kbportal.ui.client.Article;
import org.kbportal.ui.client.SearchClient;
import org.kbportal.ui.client.SearchHit;
import org.kbportal.ui.navigation.Routes;

/** Up to five articles similar to this one (the similar-articles search on its title and start). */
class RelatedArticles extends Composite<Div> {

    RelatedArticles(SearchClient search, Article article) {
        UnorderedList list = new UnorderedList();
        list.setId("related-articles");
        String text = article.title() + " " + (article.body() == null ? "" : article.body());
        Set<String> seen = new LinkedHashSet<>();
        seen.add(article.id());
        for (SearchHit hit : search.similar(text, 8)) {
            String id = Article.articleIdOf(hit.id());
            if (seen.add(id) && seen.size() <= 6) {
                list.add(new ListItem(Routes.link(Routes.article(hit.id()), hit.title())));
            }
        }
        getContent().addClassName("kb-related");
        getContent().setVisible(list.getChildren().findAny().isPresent());
        getContent().add(new H2(getTranslation("article.related")), list);
    }
}
