package org.kbportal.ui.question;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.function.Supplier;
import org.kbportal.contract.duty.DutyNow;
import org.kbportal.contract.duty.OnDuty;
import org.kbportal.contract.duty.TierDuty;
import org.kbportal.contract.question.QuestionLimits;
import org.kbportal.contract.question.QuestionView.Event;
import org.kbportal.contract.question.QuestionView.Message;
import org.kbportal.contract.question.QuestionView.Rating;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.CategoryCatalog;
import org.kbportal.ui.client.QuestionClient;
import org.kbportal.ui.client.RulesClient;
import org.kbportal.ui.i18n.DateTimes;
import org.kbportal.ui.i18n.ErrorMessages;
import org.kbportal.ui.navigation.ContentNotFoundException;
import org.kbportal.ui.navigation.Routes;
import org.kbportal.ui.session.AdminAccess;
import org.kbportal.ui.session.CurrentUser;
import org.kbportal.ui.session.FileDownloads;

/**
 * One question ({@code questions/:id}): its facts and due times, the conversation, the timeline,
 * and the actions the backend lists for the caller (the question's {@code actions}): follow-up, answer, ask for information,
 * escalate, resolve, reopen, rate, publish as a FAQ or case draft. Refused actions (another
 * expert was faster, the status changed) are explained above the actions.
 */
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
    private final Div message = new Div();
    private org.kbportal.contract.question.QuestionView shown;

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
        message.setId("question-error");
        message.addClassName("kb-error");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!AdminAccess.checkSignedIn(event, user)) {
            return;
        }
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
                message.setText(errors.describe(e, getLocale()));
                message.setVisible(true);
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

    private void show(org.kbportal.contract.question.QuestionView q) {
        shown = q;
        removeAll();
        message.setVisible(false);
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
                conversation(q),
                message,
                actions(q),
                timeline(q));
    }

    private Anchor backLink() {
        String target = user.isExpert() ? Routes.WORKBENCH : Routes.QUESTIONS;
        Anchor back =
                Routes.link(target, getTranslation(user.isExpert() ? "question.back.workbench" : "question.back"));
        back.setId("question-back");
        back.addClassName("kb-back");
        return back;
    }

    private Div facts(org.kbportal.contract.question.QuestionView q) {
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

    private Div body(org.kbportal.contract.question.QuestionView q) {
        Div body = html(q.body());
        body.setId("question-body");
        body.addClassName("kb-question-body");
        return body;
    }

    private Div conversation(org.kbportal.contract.question.QuestionView q) {
        Div list = new Div(new H2(getTranslation("question.conversation")));
        list.setId("question-messages");
        if (q.messages().isEmpty()) {
            Span none = new Span(getTranslation("question.conversation.empty"));
            none.addClassName("kb-summary");
            list.add(none);
        }
        for (Message m : q.messages()) {
            Span who = new Span(getTranslation(
                    m.fromExpert() ? "question.message.expert" : "question.message.user",
                    m.authorName() == null ? m.author() : m.authorName(),
                    dates.format(m.at())));
            who.addClassName("kb-summary");
            Div item = new Div(who, html(m.body()));
            item.addClassName("question-message");
            if (m.fromExpert()) {
                item.addClassName("from-expert");
            }
            list.add(item);
        }
        return list;
    }

    private Component timeline(org.kbportal.contract.question.QuestionView q) {
        Div box = new Div(new H2(getTranslation("question.timeline")));
        box.setId("question-timeline");
        UnorderedList events = new UnorderedList();
        TimelineTexts words =
                new TimelineTexts(this::getTranslation, dates::format, code -> categories.name(code, getLocale()));
        for (Event e : q.timeline()) {
            TimelineTexts.Line line = words.line(e);
            ListItem item = new ListItem(new Span(line.when() + " · " + line.sentence()));
            // names and what people wrote are content, in whatever language they were written
            if (line.actor() != null) {
                item.add(new Span(" · "), content(line.actor()));
            }
            if (line.note() != null) {
                item.add(new Span(" · "), content(line.note()));
            }
            item.addClassName("question-event");
            events.add(item);
        }
        box.add(events);
        return box;
    }

    private Div actions(org.kbportal.contract.question.QuestionView q) {
        QuestionPermissions may = QuestionPermissions.of(q);
        Div actions = new Div();
        actions.setId("question-actions");
        actions.addClassName("kb-question-actions");
        if (q.rating() != null) {
            Rating r = q.rating();
            Span rating = new Span(getTranslation(
                    "question.rating.shown",
                    r.attitude(),
                    r.expertise(),
                    r.timeliness(),
                    r.comment() == null ? "" : r.comment()));
            rating.setId("question-rating");
            actions.add(rating);
        }
        if (may.followUp() || may.answer()) {
            actions.add(composer(q, may));
        }
        Div buttons = new Div();
        buttons.addClassName("kb-row-actions");
        if (may.resolve()) {
            buttons.add(button(
                    "question-resolve", "question.resolve", VaadinIcon.CHECK, true, () -> questions.resolve(q.id())));
        }
        if (may.reopen()) {
            TextField reason = new TextField();
            reason.setId("question-reopen-reason");
            reason.setPlaceholder(getTranslation("question.reopen.reason"));
            reason.setMaxLength(limits.reasonMaxLength());
            buttons.add(
                    reason,
                    button(
                            "question-reopen",
                            "question.reopen",
                            VaadinIcon.REFRESH,
                            false,
                            () -> questions.reopen(q.id(), reason.getValue().strip())));
        }
        if (may.publish()) {
            buttons.add(publishButton(q, "FAQ"), publishButton(q, "CASE"));
        }
        if (q.articleId() != null && (user.isExpert() || user.isAdmin())) {
            actions.add(draftNote(q.articleId(), "question.published"));
        }
        if (buttons.getComponentCount() > 0) {
            actions.add(buttons);
        }
        if (may.escalate()) {
            actions.add(escalation(q));
        }
        if (may.handOver()) {
            actions.add(handover(q));
        }
        if (may.rate()) {
            actions.add(ratingForm(q));
        }
        return actions;
    }

    private Div composer(org.kbportal.contract.question.QuestionView q, QuestionPermissions may) {
        TextArea text = new TextArea(getTranslation(may.answer() ? "question.reply.expert" : "question.reply.user"));
        text.setId("question-reply");
        text.setMaxLength(limits.bodyMaxLength());
        text.setWidthFull();
        text.setMinHeight("6rem");
        Div buttons = new Div();
        buttons.addClassName("kb-row-actions");
        Supplier<String> html = () -> QuestionHtml.fromPlainText(text.getValue());
        if (may.answer()) {
            buttons.add(
                    send(
                            text,
                            "question-answer",
                            "question.answer",
                            true,
                            () -> questions.message(q.id(), html.get(), false)),
                    send(
                            text,
                            "question-ask-info",
                            "question.ask-info",
                            false,
                            () -> questions.message(q.id(), html.get(), true)));
        } else {
            buttons.add(send(
                    text, "question-send", "question.send", true, () -> questions.message(q.id(), html.get(), false)));
        }
        Div box = new Div(text, buttons);
        box.addClassName("kb-question-composer");
        return box;
    }

    /** A send button that refuses to send an empty text. */
    private Button send(
            TextArea text,
            String id,
            String key,
            boolean primary,
            Supplier<org.kbportal.contract.question.QuestionView> call) {
        text.addValueChangeListener(e -> text.setInvalid(false));
        return button(id, key, primary ? VaadinIcon.PAPERPLANE : VaadinIcon.QUESTION_CIRCLE, primary, () -> {
            if (text.getValue().isBlank()) {
                text.setErrorMessage(getTranslation("question.reply.empty"));
                text.setInvalid(true);
                return null;
            }
            return call.get();
        });
    }

    private Button button(
            String id,
            String key,
            VaadinIcon icon,
            boolean primary,
            Supplier<org.kbportal.contract.question.QuestionView> call) {
        Button b = new Button(getTranslation(key), icon.create());
        b.setId(id);
        if (primary) {
            b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        b.addClickListener(e -> act(call));
        return b;
    }

    private Button publishButton(org.kbportal.contract.question.QuestionView q, String type) {
        Button b = new Button(getTranslation("question.publish." + type), VaadinIcon.BOOK.create());
        b.setId("question-publish-" + type.toLowerCase(java.util.Locale.ROOT));
        b.addClickListener(e -> {
            String articleId;
            try {
                articleId = questions.publish(q.id(), type);
            } catch (BackendException ex) {
                Object existing = "already-published".equals(ex.kbType())
                        ? ex.problem().map(p -> p.properties().get("articleId")).orElse(null)
                        : null;
                if (existing == null) {
                    showMessage(ex);
                    return;
                }
                // someone drafted it meanwhile: show the page as it is now, with the link to that draft
                show(questions.get(q.id()));
                return;
            }
            show(questions.get(q.id()));
        });
        return b;
    }

    /** The link to the draft made from this question, for experts and admins (it opens the editor). */
    private Div draftNote(String articleId, String key) {
        Anchor open = Routes.link(Routes.editor(articleId), getTranslation(key, articleId));
        open.setId("question-draft-link");
        Div note = new Div(open);
        note.setId("question-draft");
        note.addClassName("kb-success");
        return note;
    }

    private Div escalation(org.kbportal.contract.question.QuestionView q) {
        TextField reason = new TextField();
        reason.setId("question-escalate-reason");
        reason.setPlaceholder(getTranslation("question.escalate.reason"));
        reason.setMaxLength(limits.reasonMaxLength());
        reason.setMinWidth("20rem");
        Button escalate = new Button(getTranslation("question.escalate"), VaadinIcon.ARROW_UP.create());
        escalate.setId("question-escalate");
        escalate.addThemeVariants(ButtonVariant.LUMO_ERROR);
        escalate.addClickListener(e -> {
            if (reason.getValue().isBlank()) {
                reason.setErrorMessage(getTranslation("question.escalate.reason.missing"));
                reason.setInvalid(true);
                return;
            }
            act(() -> questions.escalate(q.id(), reason.getValue().strip()));
        });
        Div row = new Div(reason, escalate);
        row.addClassName("kb-row-actions");
        Div box = new Div(row, dutyAbove(q));
        return box;
    }

    /** Who would get the question: per tier above its own, the experts on duty now or the next shift. */
    private Div dutyAbove(org.kbportal.contract.question.QuestionView q) {
        Div duty = new Div();
        duty.setId("question-escalate-duty");
        duty.addClassName("kb-muted");
        DutyNow now;
        try {
            now = questions.dutyByTier(q.category());
        } catch (BackendException e) {
            duty.setVisible(false);
            return duty;
        }
        duty.add(new Div(getTranslation("question.escalate.duty")));
        java.time.format.DateTimeFormatter when = java.time.format.DateTimeFormatter.ofPattern(
                        getTranslation("question.escalate.duty.pattern"), getLocale())
                .withZone(java.time.ZoneId.of(now.zone()));
        for (TierDuty t : now.tiers()) {
            if (t.tier().name().compareTo(q.tier()) <= 0) {
                continue;
            }
            String text;
            if (!t.onDuty().isEmpty()) {
                text = getTranslation(
                        "question.escalate.duty.on",
                        t.tier(),
                        String.join(
                                "、",
                                t.onDuty().stream().map(OnDuty::displayName).toList()));
            } else if (t.nextStart() != null) {
                text = getTranslation("question.escalate.duty.off", t.tier(), when.format(t.nextStart()));
            } else {
                text = getTranslation("question.escalate.duty.none", t.tier());
            }
            Div line = new Div(text);
            line.getElement().setAttribute("data-tier", t.tier().name());
            line.getElement()
                    .setAttribute("data-on-duty", String.valueOf(t.onDuty().size()));
            duty.add(line);
        }
        return duty;
    }

    /** Hand the question to another expert on duty, with a note for them (on the timeline). */
    private Div handover(org.kbportal.contract.question.QuestionView q) {
        ComboBox<OnDuty> to = new ComboBox<>();
        to.setId("question-handover-to");
        to.setPlaceholder(getTranslation("question.handover.to"));
        to.setItemLabelGenerator(e -> getTranslation("question.handover.expert", e.displayName(), e.tier()));
        to.setMinWidth("16rem");
        try {
            to.setItems(questions.onDuty().stream()
                    .filter(e -> !e.username().equals(q.assignee()))
                    .toList());
        } catch (BackendException e) {
            to.setEnabled(false);
        }
        TextField note = new TextField();
        note.setId("question-handover-note");
        note.setPlaceholder(getTranslation("question.handover.note"));
        note.setMaxLength(limits.reasonMaxLength());
        Button handover = new Button(getTranslation("question.handover"), VaadinIcon.EXCHANGE.create());
        handover.setId("question-handover");
        handover.addClickListener(e -> {
            if (to.getValue() == null) {
                to.setErrorMessage(getTranslation("question.handover.to.missing"));
                to.setInvalid(true);
                return;
            }
            act(() -> questions.handover(
                    q.id(), to.getValue().userId(), note.getValue().strip()));
        });
        Div row = new Div(to, note, handover);
        row.addClassName("kb-row-actions");
        return row;
    }

    private Div ratingForm(org.kbportal.contract.question.QuestionView q) {
        StarRating attitude = stars("rate-attitude", "question.rate.attitude");
        StarRating expertise = stars("rate-expertise", "question.rate.expertise");
        StarRating timeliness = stars("rate-timeliness", "question.rate.timeliness");
        TextArea comment = new TextArea(getTranslation("question.rate.comment"));
        comment.setId("rate-comment");
        comment.setMaxLength(limits.commentMaxLength());
        comment.setWidthFull();
        Button submit = new Button(getTranslation("question.rate.submit"), VaadinIcon.STAR.create());
        submit.setId("rate-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> {
            boolean valid = true;
            for (StarRating f : new StarRating[] {attitude, expertise, timeliness}) {
                boolean bad = f.getValue() == null;
                f.setInvalid(bad, getTranslation("question.rate.range"));
                valid &= !bad;
            }
            if (valid) {
                act(() -> questions.rate(
                        q.id(), attitude.getValue(), expertise.getValue(), timeliness.getValue(), comment.getValue()));
            }
        });
        Div scores = new Div(attitude, expertise, timeliness);
        scores.addClassName("kb-filters");
        Div form = new Div(new H2(getTranslation("question.rate")), scores, comment, submit);
        form.setId("question-rate");
        return form;
    }

    private StarRating stars(String id, String key) {
        return new StarRating(id, getTranslation(key), n -> getTranslation("question.rate.stars", n));
    }

    /**
     * Runs an action and shows the question as it is afterwards, or why it was refused. An action
     * that returns null did not run (its input was incomplete).
     */
    private void act(Supplier<org.kbportal.contract.question.QuestionView> call) {
        org.kbportal.contract.question.QuestionView after;
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
        Notification note = Notification.show(getTranslation("question.done"), 3000, Notification.Position.BOTTOM_END);
        note.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void reload() {
        try {
            show(questions.get(shown.id()));
        } catch (BackendException e) {
            showMessage(e);
        }
    }

    private void showMessage(BackendException e) {
        message.setText(errors.describe(e, getLocale()));
        message.setVisible(true);
    }

    private static Span content(String text) {
        Span span = new Span(text);
        span.addClassName("kb-content");
        return span;
    }

    private static Div html(String html) {
        Div div = new Div();
        div.getElement().setProperty("innerHTML", QuestionHtml.clean(html));
        div.addClassNames("kb-rich-text", "kb-content");
        return div;
    }
}
