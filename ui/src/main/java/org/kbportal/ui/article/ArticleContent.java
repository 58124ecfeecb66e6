package org.kbportal.ui.article;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import org.kbportal.ui.client.Article;

/**
 * The readable part of an article, by type: an FAQ's answer; a case's symptom, cause, resolution
 * and affected system; a manual's body with section anchors. Used by the article page, the
 * editor's preview and the version history.
 */
public class ArticleContent extends Composite<Div> {

    public ArticleContent(Article article, MarkdownRenderer markdown) {
        // what authors wrote, in their language (the language check of the browser tests skips it)
        getContent().addClassNames("kb-article-content", "kb-content");
        switch (article.type() == null ? "" : article.type()) {
            case Article.CASE -> showCase(article, markdown);
            case Article.MANUAL -> getContent().add(html(markdown.renderManual(article.body(), article.sections())));
            default -> showFaq(article, markdown);
        }
    }

    private void showFaq(Article article, MarkdownRenderer markdown) {
        getContent().add(heading("article.answer"), html(markdown.render(article.body())));
    }

    private void showCase(Article article, MarkdownRenderer markdown) {
        if (notBlank(article.affectedSystem())) {
            Div system =
                    new Div(new Span(getTranslation("article.affected-system")), new Span(article.affectedSystem()));
            system.addClassName("kb-affected-system");
            system.setId("case-affected-system");
            getContent().add(system);
        }
        part("article.symptom", "case-symptom", article.symptom(), markdown);
        part("article.cause", "case-cause", article.cause(), markdown);
        part("article.resolution", "case-resolution", article.resolution(), markdown);
        part("article.notes", "case-notes", article.body(), markdown);
    }

    private void part(String headingKey, String id, String text, MarkdownRenderer markdown) {
        if (notBlank(text)) {
            Div section = new Div(heading(headingKey), html(markdown.render(text)));
            section.setId(id);
            section.addClassName("kb-case-part");
            getContent().add(section);
        }
    }

    private H2 heading(String key) {
        H2 h = new H2(getTranslation(key));
        h.addClassName("kb-part-heading");
        return h;
    }

    /** A container for HTML that {@link MarkdownRenderer} has already made safe. */
    private static Div html(String safeHtml) {
        Div div = new Div();
        div.addClassName("kb-markdown");
        div.getElement().setProperty("innerHTML", safeHtml);
        return div;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
