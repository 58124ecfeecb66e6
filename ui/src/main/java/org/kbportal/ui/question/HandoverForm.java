package org.kbportal.ui.question;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.kbportal.contract.duty.OnDuty;
import org.kbportal.contract.question.QuestionDetail;
import org.kbportal.contract.question.QuestionLimits;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.QuestionClient;

/** Hand the question to another expert on duty, with a note for them (on the timeline). */
class HandoverForm extends Div {

    private static final long serialVersionUID = 1L;

    HandoverForm(
            QuestionDetail q, QuestionClient questions, QuestionLimits limits, Consumer<Supplier<QuestionDetail>> act) {
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
            act.accept(() -> questions.handover(
                    q.id(), to.getValue().userId(), note.getValue().strip()));
        });
        add(to, note, handover);
        addClassName("kb-row-actions");
    }
}
