package org.kbportal.ui.article;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.function.Supplier;
import org.kbportal.ui.client.Article;
import org.kbportal.ui.client.ArticleClient;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.CategoryCatalog;
import org.kbportal.ui.client.CurationClient;
import org.kbportal.ui.client.ManualClient;
import org.kbportal.ui.client.RulesClient;
import org.kbportal.ui.i18n.DateTimes;
import org.kbportal.ui.i18n.ErrorMessages;
import org.kbportal.ui.navigation.ContentNotFoundException;
import org.kbportal.ui.navigation.Routes;
import org.kbportal.ui.session.AdminAccess;
import org.kbportal.ui.session.CurrentUser;
import org.kbportal.ui.session.FileDownloads;

/**
 * Creates and edits articles ({@code admin/articles/edit/:id?}): authors (EXPERT) write drafts and
 * submit them for review; reviewers (ADMIN) also publish, archive and restore versions. Shows the
 * schedule (publish at, review by), the history timeline and the versions. Saves send the version
 * the editor started from, so a concurrent edit is reported instead of overwritten.
 */
@Route(Routes.ADMIN_EDITOR + "/:id?")
class ArticleEditorView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final ArticleClient articles;
    private final CategoryCatalog categories;
    private final MarkdownRenderer markdown;
    private final DateTimes dates;
    private final CurrentUser user;
    private final ErrorMessages errors;
    private final CurationClient curation;

    private final H1 heading = new H1();
    private final Div status = new Div();
    private final Div message = new Div();
    private final Div readOnly = new Div();
    private final VersionHistory history;
    private final WorkflowTimeline timeline;
    private final ScheduleForm schedule;
    private final Button submit = new Button();
    private final AttachmentPanel attachments;
    private ArticleForm form;
    private Article current;

    ArticleEditorView(
            ArticleClient articles,
            CategoryCatalog categories,
            MarkdownRenderer markdown,
            DateTimes dates,
            CurrentUser user,
            ErrorMessages errors,
            CurationClient curation,
            ManualClient manuals,
            FileDownloads downloads,
            RulesClient rules) {
        this.curation = curation;
        this.articles = articles;
        this.attachments =
                new AttachmentPanel(manuals, downloads, errors, rules.rules().articleAttachmentMaxBytes());
        this.categories = categories;
        this.markdown = markdown;
        this.dates = dates;
        this.user = user;
        this.errors = errors;
        this.history = user.isAdmin()
                ? new VersionHistory(
                        markdown,
                        dates,
                        v -> change(() -> curation.restore(current.id(), v.version()), "editor.restored"))
                : new VersionHistory(markdown, dates);
        this.timeline = new WorkflowTimeline(dates);
        this.schedule = new ScheduleForm(dates.zone());
        schedule.addSaveListener(e -> {
            try {
                curation.schedule(current.id(), e.publishAt(), e.reviewBy());
                notifySuccess("schedule.saved");
                show(articles.get(current.id()));
            } catch (BackendException ex) {
                fail(ex);
            }
        });
        submit.setText(getTranslation("editor.submit"));
        submit.setId("editor-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> change(() -> curation.submit(current.id()), "editor.submitted"));
        addClassName("kb-editor");
        heading.setId("editor-heading");
        status.setId("editor-status");
        status.addClassName("kb-meta");
        readOnly.setId("editor-read-only");
        readOnly.addClassName("kb-meta");
        readOnly.setVisible(false);
        message.setId("editor-error");
        message.addClassName("kb-error");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // authors (experts) write and submit drafts; reviewers (admins) also publish
        if (!AdminAccess.checkExpert(event, user)) {
            return;
        }
        String id = event.getRouteParameters().get("id").orElse(null);
        Article article = null;
        if (id != null) {
            try {
                article = articles.get(id);
            } catch (BackendException e) {
                if (e.isNotFound()) {
                    String text = getTranslation("article.not-found", id);
                    event.rerouteToError(new ContentNotFoundException(text), text);
                    return;
                }
                throw e;
            }
        }
        build(article);
    }

    @Override
    public String getPageTitle() {
        return heading.getText() + " · " + getTranslation("app.name");
    }

    private void build(Article article) {
        removeAll();
        form = new ArticleForm(categories.all(), markdown);
        form.addSaveListener(e -> save(e.draft()));
        form.addPublishListener(e -> change(() -> articles.publish(current.id()), "editor.published"));
        form.addArchiveListener(e -> change(() -> articles.archive(current.id()), "editor.archived"));
        // the article list is the reviewers' page; authors go back to the search
        String home = user.isAdmin() ? Routes.ADMIN_ARTICLES : Routes.SEARCH;
        form.addCloseListener(e -> getUI().ifPresent(ui -> ui.navigate(home)));
        // only reviewers publish and archive; authors submit for review
        form.publish.setVisible(user.isAdmin());
        form.archive.setVisible(user.isAdmin());
        Anchor back = user.isAdmin()
                ? Routes.link(Routes.ADMIN_ARTICLES, getTranslation("editor.back"))
                : Routes.link(Routes.SEARCH, getTranslation("article.back"));
        back.addClassName("kb-back");
        add(back, heading, status, readOnly, submit, message, form);
        if (article != null) {
            add(schedule, timeline, history, attachments);
        }
        show(article);
    }

    private void show(Article article) {
        current = article;
        message.setVisible(false);
        form.setArticle(article);
        status.removeAll();
        submit.setVisible(article != null && Article.DRAFT.equals(article.status()));
        readOnly.setVisible(false);
        form.setEditable(true);
        schedule.setVisible(true);
        if (article == null) {
            heading.setText(getTranslation("editor.new"));
            return;
        }
        if (!user.isAdmin()) {
            // experts change only their own drafts and those of questions assigned to them
            var may = curation.permissions(article.id());
            form.setEditable(may.edit());
            submit.setVisible(may.submit());
            schedule.setVisible(may.schedule());
            if (!may.edit() && Article.DRAFT.equals(article.status())) {
                readOnly.setText(getTranslation("editor.not-your-draft", article.createdBy()));
                readOnly.setVisible(true);
            }
        }
        // "Edit: <title>": the title is the article's own words (kb-content), whatever language it is in
        String[] around = getTranslation("editor.edit", "\u0000").split("\u0000", -1);
        Span title = new Span(article.title());
        title.addClassName("kb-content");
        heading.removeAll();
        heading.add(new com.vaadin.flow.component.Text(around[0]), title);
        if (around.length > 1) {
            heading.add(new com.vaadin.flow.component.Text(around[1]));
        }
        Anchor view = Routes.link(Routes.article(article.id()), getTranslation("editor.view"));
        view.setId("editor-view-article");
        status.add(
                ArticleBadges.status(article.status()),
                new Span(getTranslation("article.version", article.version())),
                new Span(getTranslation("article.updated", article.updatedBy(), dates.format(article.updatedAt()))),
                view);
        if (article.version() > 1) {
            Anchor diff = Routes.link(
                    Routes.diff(article.id(), article.version() - 1, article.version()), getTranslation("diff.open"));
            diff.setId("editor-diff");
            status.add(diff);
        }
        history.show(articles.versions(article.id()));
        var workflow = curation.workflow(article.id());
        timeline.show(workflow.history());
        schedule.setValues(workflow.publishAt(), workflow.reviewBy());
        if (workflow.reviewDue()) {
            Span due = new Span(getTranslation("article.review-due", dates.format(workflow.reviewBy())));
            due.addClassNames("kb-badge", "kb-badge-overdue");
            due.setId("editor-review-due");
            status.add(due);
        }
        attachments.show(article.id());
    }

    private void save(ArticleDraft draft) {
        Article saved;
        try {
            if (user.isAdmin()) {
                saved = current == null
                        ? articles.create(draft.toInput(null))
                        : articles.update(current.id(), draft.toInput(current.version()));
            } else {
                saved = current == null
                        ? curation.createDraft(draft.toInput(null))
                        : curation.updateDraft(current.id(), draft.toInput(current.version()));
            }
        } catch (BackendException e) {
            fail(e);
            return;
        }
        notifySuccess("editor.saved");
        if (current == null) {
            // a new article gets its own address, so reloading keeps editing it
            getUI().ifPresent(ui -> ui.navigate(Routes.editor(saved.id())));
        } else {
            show(saved);
        }
    }

    private void change(Supplier<Article> action, String doneKey) {
        try {
            show(action.get());
            notifySuccess(doneKey);
        } catch (BackendException e) {
            fail(e);
        }
    }

    private void fail(BackendException e) {
        e.problem().ifPresent(p -> form.showServerErrors(p.errors()));
        message.removeAll();
        message.add(new Span(errors.describe(e, getLocale())));
        if (current != null
                && ("stale-version".equals(e.kbType())
                        || "illegal-transition".equals(e.kbType())
                        || "not-a-draft".equals(e.kbType()))) {
            // someone else changed the article: offer what is stored now (the user may copy text first)
            Button reload = new Button(getTranslation("editor.reload"), click -> show(articles.get(current.id())));
            reload.setId("editor-reload");
            reload.addThemeVariants(ButtonVariant.LUMO_SMALL);
            message.add(reload);
        }
        message.setVisible(true);
    }

    private void notifySuccess(String key) {
        Notification note = Notification.show(getTranslation(key), 3000, Notification.Position.BOTTOM_END);
        note.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
