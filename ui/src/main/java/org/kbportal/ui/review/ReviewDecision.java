package org.kbportal.ui.review;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.shared.Registration;
import org.kbportal.ui.widget.Fields;

/**
 * A reviewer's decision on one article: approve (optional comment) or send back (comment
 * required, at most 2,000 characters). Fires {@link DecisionEvent}s; the view calls the backend.
 */
public class ReviewDecision extends Composite<Div> {

    static final int MAX_COMMENT = 2000;

    final TextArea comment = new TextArea();
    final Button approve = new Button();
    final Button sendBack = new Button();

    public ReviewDecision(String articleId) {
        Fields.labelled(comment, "review-comment-" + articleId, getTranslation("review.comment"));
        comment.setMaxLength(MAX_COMMENT);
        comment.setWidthFull();
        approve.setText(getTranslation("review.approve"));
        approve.setId("review-approve-" + articleId);
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        approve.addClickListener(e -> decide(true));
        sendBack.setText(getTranslation("review.send-back"));
        sendBack.setId("review-send-back-" + articleId);
        sendBack.addThemeVariants(ButtonVariant.LUMO_SMALL);
        sendBack.addClickListener(e -> decide(false));
        getContent().addClassName("kb-review-decision");
        getContent().add(comment, new Div(approve, sendBack));
    }

    void decide(boolean approved) {
        String text = comment.getValue() == null ? "" : comment.getValue().strip();
        if (!approved && text.isEmpty()) {
            comment.setInvalid(true);
            comment.setErrorMessage(getTranslation("review.comment.required"));
            return;
        }
        comment.setInvalid(false);
        fireEvent(new DecisionEvent(this, approved, text.isEmpty() ? null : text));
    }

    public Registration addDecisionListener(ComponentEventListener<DecisionEvent> l) {
        return addListener(DecisionEvent.class, l);
    }

    /** Approve or send back, with the comment (null when empty). */
    public static class DecisionEvent extends ComponentEvent<ReviewDecision> {

        private final boolean approved;
        private final String comment;

        DecisionEvent(ReviewDecision source, boolean approved, String comment) {
            super(source, false);
            this.approved = approved;
            this.comment = comment;
        }

        public boolean approved() {
            return approved;
        }

        public String comment() {
            return comment;
        }
    }
}
