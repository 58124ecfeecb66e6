package org.kbportal.ui.article;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kbportal.ui.client.Article;
import org.kbportal.ui.navigation.Routes;

/**
 * A manual's sections as links. Each link is the section's own address ({@code
 * article/MANUAL~3}), the same one a search hit uses, so sections can be bookmarked and shared;
 * the article page scrolls instead of reloading when only the section changes.
 */
class TableOfContents extends Composite<Nav> {

    private final Map<Integer, Anchor> links = new HashMap<>();

    TableOfContents(String articleTitle, List<Article.Section> sections) {
        getContent().setId("article-toc");
        getContent().addClassName("kb-toc");
        getContent().getElement().setAttribute("aria-label", getTranslation("article.toc"));
        OrderedList list = new OrderedList();
        for (Article.Section s : sections) {
            String text = s.heading() == null || s.heading().isBlank() ? articleTitle : s.heading();
            Anchor link = Routes.link(Routes.article(s.id()), text);
            link.setId("toc-" + s.number());
            links.put(s.number(), link);
            ListItem item = new ListItem(link);
            if (s.page() != null) {
                Span page = new Span(getTranslation("manual.page", s.page()));
                page.setId("toc-page-" + s.number());
                page.addClassName("kb-toc-page");
                item.add(page);
            }
            list.add(item);
        }
        getContent().add(new H2(getTranslation("article.toc")), list);
    }

    /** Marks the section being read. */
    void highlight(Integer number) {
        links.forEach((n, link) -> link.getElement().getClassList().set("active", n.equals(number)));
    }
}
