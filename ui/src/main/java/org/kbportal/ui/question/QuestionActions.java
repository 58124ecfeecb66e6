package org.kbportal.ui.question;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.kbportal.contract.question.QuestionDetail;
import org.kbportal.contract.question.QuestionLimits;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.QuestionClient;
import org.kbportal.ui.navigation.Routes;
import org.kbportal.ui.session.CurrentUser;

/**
 * The actions the backend lists for the caller on a question (its {@code actions}): the rating given,
 * follow-up or answer, ask for information, resolve, reopen, publish as a FAQ or case draft, escalate,
 * hand over, rate.
 */
class QuestionActions extends Div {

    private static final long serialVersionUID = 1L;

    private final transient QuestionClient questions;
    private final QuestionLimits limits;
    private final Consumer<Supplier<QuestionDetail>> act;

    /**
     * @param act runs an action and shows the question as it is afterwards, or why it was refused (an action
     *     that returns null did not run: its input was incomplete)
     * @param failed shows why a call was refused
     * @param reshow shows the question as it is now
     */
    QuestionActions(
            QuestionDetail q,
            QuestionClient questions,
            QuestionLimits limits,
            CurrentUser user,
            Consumer<Supplier<QuestionDetail>> act,
            Consumer<BackendException> failed,
            Runnable reshow) {
        this.questions = questions;
        this.limits = limits;
        this.act = act;
        QuestionPermissions may = QuestionPermissions.of(q);
        setId("question-actions");
        addClassName("kb-question-actions");
        if (q.rating() != null) {
            QuestionDetail.Rating r = q.rating();
            Span rating = new Span(getTranslation(
                    "question.rating.shown",
                    r.attitude(),
                    r.expertise(),
                    r.timeliness(),
                    r.comment() == null ? "" : r.comment()));
            rating.setId("question-rating");
            add(rating);
        }
        if (may.followUp() || may.answer()) {
            add(composer(q, may));
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
            buttons.add(publishButton(q, "FAQ", failed, reshow), publishButton(q, "CASE", failed, reshow));
        }
        if (q.articleId() != null && (user.isExpert() || user.isAdmin())) {
            add(draftNote(q.articleId(), "question.published"));
        }
        if (buttons.getComponentCount() > 0) {
            add(buttons);
        }
        if (may.escalate()) {
            add(new EscalationForm(q, questions, limits, act));
        }
        if (may.handOver()) {
            add(new HandoverForm(q, questions, limits, act));
        }
        if (may.rate()) {
            add(new RatingForm(q, questions, limits, act));
        }
    }

    private Div composer(QuestionDetail q, QuestionPermissions may) {
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
    private Button send(TextArea text, String id, String key, boolean primary, Supplier<QuestionDetail> call) {
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

    private Button button(String id, String key, VaadinIcon icon, boolean primary, Supplier<QuestionDetail> call) {
        Button b = new Button(getTranslation(key), icon.create());
        b.setId(id);
        if (primary) {
            b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        b.addClickListener(e -> act.accept(call));
        return b;
    }

    private Button publishButton(QuestionDetail q, String type, Consumer<BackendException> failed, Runnable reshow) {
        Button b = new Button(getTranslation("question.publish." + type), VaadinIcon.BOOK.create());
        b.setId("question-publish-" + type.toLowerCase(Locale.ROOT));
        b.addClickListener(e -> {
            try {
                questions.publish(q.id(), type);
            } catch (BackendException ex) {
                Object existing = "already-published".equals(ex.kbType())
                        ? ex.problem().map(p -> p.properties().get("articleId")).orElse(null)
                        : null;
                if (existing == null) {
                    failed.accept(ex);
                    return;
                }
                // someone drafted it meanwhile: show the page as it is now, with the link to that draft
            }
            reshow.run();
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
}
