package org.kbportal.ui.question;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.kbportal.contract.question.QuestionDetail;
import org.kbportal.contract.question.QuestionLimits;
import org.kbportal.ui.client.QuestionClient;

/** The asker rates the answer: attitude, expertise and timeliness (one to five stars each) and a comment. */
class RatingForm extends Div {

    private static final long serialVersionUID = 1L;

    RatingForm(
            QuestionDetail q, QuestionClient questions, QuestionLimits limits, Consumer<Supplier<QuestionDetail>> act) {
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
                act.accept(() -> questions.rate(
                        q.id(), attitude.getValue(), expertise.getValue(), timeliness.getValue(), comment.getValue()));
            }
        });
        Div scores = new Div(attitude, expertise, timeliness);
        scores.addClassName("kb-filters");
        add(new H2(getTranslation("question.rate")), scores, comment, submit);
        setId("question-rate");
    }

    private StarRating stars(String id, String key) {
        return new StarRating(id, getTranslation(key), n -> getTranslation("question.rate.stars", n));
    }
}
