package org.kbportal.ui.question;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.kbportal.contract.duty.DutyNow;
import org.kbportal.contract.duty.OnDuty;
import org.kbportal.contract.duty.TierDuty;
import org.kbportal.contract.question.QuestionDetail;
import org.kbportal.contract.question.QuestionLimits;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.QuestionClient;

/**
 * Escalate a question to the next tier, with a reason; below it, who would get it: per tier above the
 * question's own, the experts on duty now or the next shift.
 */
class EscalationForm extends Div {

    private static final long serialVersionUID = 1L;

    EscalationForm(
            QuestionDetail q, QuestionClient questions, QuestionLimits limits, Consumer<Supplier<QuestionDetail>> act) {
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
            act.accept(() -> questions.escalate(q.id(), reason.getValue().strip()));
        });
        Div row = new Div(reason, escalate);
        row.addClassName("kb-row-actions");
        add(row, dutyAbove(q, questions));
    }

    private Div dutyAbove(QuestionDetail q, QuestionClient questions) {
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
        DateTimeFormatter when = DateTimeFormatter.ofPattern(
                        getTranslation("question.escalate.duty.pattern"), getLocale())
                .withZone(ZoneId.of(now.zone()));
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
}
