package org.kbportal.ui.question;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.function.Supplier;
import org.kbportal.contract.question.QuestionDetail;
import org.kbportal.contract.question.QuestionLimits;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.CategoryCatalog;
import org.kbportal.ui.client.QuestionClient;
import org.kbportal.ui.client.RulesClient;
import org.kbportal.ui.i18n.DateTimes;
import org.kbportal.ui.i18n.ErrorMessages;
import org.kbportal.ui.navigation.ContentNotFoundException;
import org.kbportal.ui.navigation.Routes;
import org.kbportal.ui.session.Access;
import org.kbportal.ui.session.Audience;
import org.kbportal.ui.session.CurrentUser;
import org.kbportal.ui.session.FileDownloads;
import org.kbportal.ui.widget.ErrorLine;
import org.kbportal.ui.widget.PageParts;

/**
 * One question ({@code questions/:id}): its facts and due times, the attachments, the conversation
 * ({@link QuestionConversation}), the actions the backend lists for the caller ({@link QuestionActions})
 * and the timeline ({@link QuestionTimeline}). Refused actions (another expert was faster, the status
 * changed) are explained above the actions.
 */
@Access(Audience.SIGNED_IN)
@Route(Routes.QUESTIONS + "/:id")
class QuestionView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final QuestionClient questions;
    private final CategoryCatalog categories;
    private final DateTimes dates;
    private final CurrentUser user;
    private final ErrorMessages errors;
    private final QuestionTexts texts;
    private final QuestionLimits limits;
    private final FileDownloads downloads;
    private final ErrorLine message = new ErrorLine("question-error");
    private QuestionDetail shown;

    QuestionView(
            QuestionClient questions,
            CategoryCatalog categories,
            DateTimes dates,
            CurrentUser user,
            ErrorMessages errors,
            RulesClient rules,
            FileDownloads downloads) {
        this.downloads = downloads;
        this.questions = questions;
        this.limits = rules.rules().questions();
        this.categories = categories;
        this.dates = dates;
        this.user = user;
        this.errors = errors;
        this.texts = new QuestionTexts(this, dates);
        addClassName("kb-admin-page");
        addClassName("kb-question");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String raw = event.getRouteParameters().get("id").orElse("");
        long id;
        try {
            id = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            notFound(event, raw);
            return;
        }
        try {
            show(questions.get(id));
        } catch (BackendException e) {
            if (e.isNotFound()) {
                notFound(event, raw);
            } else {
                removeAll();
                shown = null;
                message.show(errors.describe(e, getLocale()));
                add(backLink(), message);
            }
        }
    }

    private void notFound(BeforeEnterEvent event, String id) {
        String text = getTranslation("question.not-found", id);
        event.rerouteToError(new ContentNotFoundException(text), text);
    }

    @Override
    public String getPageTitle() {
        return (shown == null ? getTranslation("question.title") : shown.title()) + " · " + getTranslation("app.name");
    }

    private void show(QuestionDetail q) {
        shown = q;
        removeAll();
        message.hide();
        H1 title = new H1(q.title());
        title.setId("question-title");
        title.addClassName("kb-content");
        Span status = texts.statusBadge(q);
        status.setId("question-status");
        Div badges = new Div(status, texts.severityBadge(q.severity()), new Span(texts.kind(q.kind())));
        badges.addClassName("kb-meta");
        AttachmentPanel attachments = new AttachmentPanel(
                q, user.currentToken().orElse(""), questions, downloads, AttachmentLimits.of(limits), dates, errors);
        add(
                backLink(),
                badges,
                title,
                facts(q),
                body(q),
                attachments,
                new QuestionConversation(q, dates),
                message,
                new QuestionActions(
                        q, questions, limits, user, this::act, this::showMessage, () -> show(questions.get(q.id()))),
                new QuestionTimeline(q, dates, categories));
    }

    private Anchor backLink() {
        String target = user.isExpert() ? Routes.WORKBENCH : Routes.QUESTIONS;
        Anchor back =
                Routes.link(target, getTranslation(user.isExpert() ? "question.back.workbench" : "question.back"));
        back.setId("question-back");
        back.addClassName("kb-back");
        return back;
    }

    private Div facts(QuestionDetail q) {
        Div facts = new Div(
                new Span(getTranslation("question.number", String.valueOf(q.id()))),
                new Span(getTranslation("question.category", categories.name(q.category(), getLocale()))),
                new Span(getTranslation("question.asker", q.asker())),
                new Span(getTranslation("question.assignee", texts.assignee(q))),
                new Span(getTranslation("question.reply-due", texts.due(q.replyDueAt(), q.replyBreached()))),
                new Span(getTranslation("question.resolve-due", texts.due(q.resolveDueAt(), q.resolveBreached()))));
        if (q.contactPref() != null && !q.contactPref().isBlank()) {
            facts.add(new Span(getTranslation("question.contact", q.contactPref())));
        }
        if (q.paused()) {
            facts.add(new Span(getTranslation("question.paused")));
        }
        facts.setId("question-facts");
        facts.addClassName("kb-article-meta");
        return facts;
    }

    private Div body(QuestionDetail q) {
        Div body = QuestionConversation.html(q.body());
        body.setId("question-body");
        body.addClassName("kb-question-body");
        return body;
    }

    /**
     * Runs an action and shows the question as it is afterwards, or why it was refused. An action
     * that returns null did not run (its input was incomplete).
     */
    private void act(Supplier<QuestionDetail> call) {
        QuestionDetail after;
        try {
            after = call.get();
        } catch (BackendException e) {
            showMessage(e);
            return;
        }
        if (after == null) {
            return;
        }
        // actions answer without timeline and conversation: fetch the whole question
        reload();
        PageParts.success(getTranslation("question.done"));
    }

    private void reload() {
        try {
            show(questions.get(shown.id()));
        } catch (BackendException e) {
            showMessage(e);
        }
    }

    private void showMessage(BackendException e) {
        message.show(errors.describe(e, getLocale()));
    }
}
