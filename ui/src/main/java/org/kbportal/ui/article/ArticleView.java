package org.kbportal.ui.article;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import org.kbportal.ui.client.Article;
import org.kbportal.ui.client.ArticleClient;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.CategoryCatalog;
import org.kbportal.ui.client.CurationClient;
import org.kbportal.ui.client.ManualClient;
import org.kbportal.ui.client.SearchClient;
import org.kbportal.ui.i18n.DateTimes;
import org.kbportal.ui.i18n.ErrorMessages;
import org.kbportal.ui.navigation.ContentNotFoundException;
import org.kbportal.ui.navigation.Routes;
import org.kbportal.ui.session.CurrentUser;
import org.kbportal.ui.session.FileDownloads;

/**
 * One article ({@code article/:id}); the id may be a manual section ({@code MANUAL~3}), then the
 * page scrolls to that section. Unknown and unpublished articles get the "not found" page.
 */
@Route(Routes.ARTICLE + "/:id")
class ArticleView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final ArticleClient articles;
    private final MarkdownRenderer markdown;
    private final CategoryCatalog categories;
    private final DateTimes dates;
    private final CurrentUser user;
    private final ErrorMessages errors;
    private final CurationClient curation;
    private final SearchClient search;
    private final ManualClient manuals;
    private final FileDownloads downloads;
    private Article shown;
    private TableOfContents toc;

    ArticleView(
            ArticleClient articles,
            MarkdownRenderer markdown,
            CategoryCatalog categories,
            DateTimes dates,
            CurrentUser user,
            ErrorMessages errors,
            CurationClient curation,
            SearchClient search,
            ManualClient manuals,
            FileDownloads downloads) {
        this.downloads = downloads;
        this.curation = curation;
        this.search = search;
        this.articles = articles;
        this.manuals = manuals;
        this.markdown = markdown;
        this.categories = categories;
        this.dates = dates;
        this.user = user;
        this.errors = errors;
        addClassName("kb-article");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        if (shown != null && shown.id().equals(Article.articleIdOf(id))) {
            // another section of the manual already on screen: just move there
            scrollTo(sectionNumber(id));
            return;
        }
        Article article;
        try {
            article = articles.get(id);
        } catch (BackendException e) {
            if (e.isNotFound()) {
                String text = getTranslation("article.not-found", id);
                event.rerouteToError(new ContentNotFoundException(text), text);
            } else {
                showFailure(errors.describe(e, getLocale()));
            }
            return;
        }
        show(article);
        scrollTo(article.section());
    }

    @Override
    public String getPageTitle() {
        return (shown == null ? getTranslation("article.title") : shown.title()) + " · " + getTranslation("app.name");
    }

    private void show(Article article) {
        shown = article;
        removeAll();
        H1 title = new H1(article.title());
        title.setId("article-title");
        title.addClassName("kb-content");
        Div badges = new Div(
                ArticleBadges.type(article.type()),
                ArticleBadges.status(article.status()),
                ArticleBadges.lang(article.lang()));
        badges.addClassName("kb-meta");
        Div header = new Div(backLink(), badges, title, metaLine(article));
        header.addClassName("kb-article-header");
        if (!article.tags().isEmpty()) {
            header.add(tags(article));
        }
        reviewDue(article, header);
        if (user.isAdmin() || (user.isExpert() && Article.DRAFT.equals(article.status()))) {
            Button edit = new Button(getTranslation("article.edit"), VaadinIcon.EDIT.create());
            edit.setId("article-edit");
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            edit.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(Routes.editor(article.id()))));
            header.add(edit);
        }
        ArticleContent content = new ArticleContent(article, markdown);
        content.setId("article-body");
        Div body = new Div();
        body.addClassName("kb-article-body");
        toc = null;
        if (Article.MANUAL.equals(article.type()) && article.sections().size() > 1) {
            toc = new TableOfContents(article.title(), article.sections());
            body.add(toc);
            body.addClassName("with-toc");
        }
        body.add(content);
        add(header, body, new ArticleFiles(manuals, user, downloads, article.id()));
        if (Article.PUBLISHED.equals(article.status())) {
            add(new FeedbackWidget(curation, errors, article.id(), user.visitorId()));
        }
        try {
            add(new RelatedArticles(search, article));
        } catch (BackendException e) {
            // related articles are a nicety: the article itself is shown
        }
    }

    /** A published article past its review-by date stays readable, with a warning. */
    private void reviewDue(Article article, Div header) {
        if (!Article.PUBLISHED.equals(article.status())) {
            return;
        }
        try {
            var status = curation.reviewStatus(article.id());
            if (status.reviewDue()) {
                Span due = new Span(getTranslation("article.review-due", dates.format(status.reviewBy())));
                due.setId("article-review-due");
                due.addClassNames("kb-badge", "kb-badge-overdue");
                header.add(due);
            }
        } catch (BackendException e) {
            // the warning is a nicety: the article itself is shown
        }
    }

    private Anchor backLink() {
        Anchor back = Routes.link(Routes.SEARCH, getTranslation("article.back"));
        back.setId("article-back");
        back.addClassName("kb-back");
        return back;
    }

    private Div metaLine(Article a) {
        Div meta = new Div();
        // no bare "分类：" for an article without a category (uploaded manuals often have none)
        if (a.category() != null && !a.category().isBlank()) {
            Span category = new Span(getTranslation("article.category", categories.name(a.category(), getLocale())));
            category.setId("article-category");
            meta.add(category);
        }
        meta.add(
                new Span(getTranslation("article.version", a.version())),
                new Span(getTranslation("article.updated", nullToDash(a.updatedBy()), dates.format(a.updatedAt()))),
                new Span(a.id()));
        meta.setId("article-meta");
        meta.addClassName("kb-article-meta");
        return meta;
    }

    private Div tags(Article a) {
        Div tags = new Div();
        tags.setId("article-tags");
        tags.addClassName("kb-tags");
        a.tags().forEach(t -> {
            Anchor tag = Routes.link(Routes.search(t), "#" + t);
            tag.addClassName("kb-chip");
            tags.add(tag);
        });
        return tags;
    }

    private void scrollTo(Integer section) {
        if (toc != null) {
            toc.highlight(section);
        }
        if (section == null) {
            getElement().executeJs("window.scrollTo(0, 0)");
            return;
        }
        // the introduction has no heading of its own: the top of the body stands for it. On a first page
        // load (a link in a message) Vaadin puts the page back at the top after this runs: move again once
        // it has, unless the reader has scrolled by then
        getElement()
                .executeJs(
                        "const go = () => { const el = document.getElementById($0)"
                                + " || document.getElementById('article-body');"
                                + " if (el) el.scrollIntoView({block: 'start'}); return window.scrollY; };"
                                + " const at = go();"
                                + " const again = () => { if (window.scrollY === 0 || window.scrollY === at) go(); };"
                                + " requestAnimationFrame(() => requestAnimationFrame(again));"
                                + " setTimeout(again, 300);",
                        MarkdownRenderer.anchor(section));
    }

    private void showFailure(String text) {
        shown = null;
        removeAll();
        Div failure = new Div(backLink(), new Span(text));
        failure.setId("article-error");
        failure.addClassName("kb-error");
        add(failure);
    }

    private static Integer sectionNumber(String id) {
        int cut = id.indexOf('~');
        if (cut < 0) {
            return null;
        }
        try {
            return Integer.parseInt(id.substring(cut + 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String nullToDash(String s) {
        return s == null ? "—" : s;
    }
}
