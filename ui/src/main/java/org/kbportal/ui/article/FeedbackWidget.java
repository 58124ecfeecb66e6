package org.kbportal.ui.article;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.Curation;
import org.kbportal.ui.client.CurationClient;
import org.kbportal.ui.i18n.ErrorMessages;
import org.kbportal.ui.widget.Fields;

/**
 * "Was this helpful?" under an article: yes/no at once, then an optional comment sent with the same
 * vote (voting again replaces the earlier vote). Shows the counts.
 */
class FeedbackWidget extends Composite<Div> {

    private final CurationClient curation;
    private final ErrorMessages errors;
    private final String articleId;
    private final String visitor;
    private final Span counts = new Span();
    private final Span message = new Span();
    private final TextArea comment = new TextArea();
    private final Button send = new Button();
    private Boolean vote;

    FeedbackWidget(CurationClient curation, ErrorMessages errors, String articleId, String visitor) {
        this.curation = curation;
        this.errors = errors;
        this.articleId = articleId;
        this.visitor = visitor;
        Button yes =
                new Button(getTranslation("feedback.widget.yes"), VaadinIcon.THUMBS_UP.create(), e -> vote(true, null));
        yes.setId("feedback-yes");
        Button no = new Button(
                getTranslation("feedback.widget.no"), VaadinIcon.THUMBS_DOWN.create(), e -> vote(false, null));
        no.setId("feedback-no");
        counts.setId("feedback-counts");
        counts.addClassName("kb-meta");
        message.setId("feedback-message");
        Fields.labelled(comment, "feedback-comment", getTranslation("feedback.widget.comment"));
        comment.setMaxLength(1000);
        comment.setWidthFull();
        comment.setVisible(false);
        send.setText(getTranslation("feedback.widget.send"));
        send.setId("feedback-send");
        send.addThemeVariants(ButtonVariant.LUMO_SMALL);
        send.setVisible(false);
        send.addClickListener(e -> vote(vote, comment.getValue()));
        Div buttons = new Div(new Span(getTranslation("feedback.widget.question")), yes, no, counts);
        buttons.addClassName("kb-feedback-buttons");
        getContent().setId("article-feedback");
        getContent().addClassName("kb-feedback");
        getContent().add(buttons, message, comment, send);
        try {
            show(curation.feedback(articleId, visitor));
        } catch (BackendException e) {
            counts.setText("");
        }
    }

    private void vote(Boolean helpful, String text) {
        if (helpful == null) {
            return;
        }
        try {
            show(curation.vote(articleId, visitor, helpful, text));
            message.setText(getTranslation(text == null ? "feedback.widget.thanks" : "feedback.widget.comment-sent"));
            comment.setVisible(text == null);
            send.setVisible(text == null);
        } catch (BackendException e) {
            message.setText(errors.describe(e, getLocale()));
        }
    }

    private void show(Curation.Feedback f) {
        vote = f.yourVote();
        counts.setText(getTranslation("feedback.widget.counts", f.helpful(), f.notHelpful(), f.views()));
    }
}
