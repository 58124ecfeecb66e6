package org.kbportal.ui.question;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.Route;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.QuestionClient;
import org.kbportal.ui.i18n.DateTimes;
import org.kbportal.ui.i18n.ErrorMessages;
import org.kbportal.ui.navigation.Routes;
import org.kbportal.ui.session.Access;
import org.kbportal.ui.session.Audience;
import org.kbportal.ui.session.CurrentUser;
import org.kbportal.ui.session.GuardedPage;
import org.kbportal.ui.widget.ErrorLine;
import org.kbportal.ui.widget.Fields;
import org.kbportal.ui.widget.PageParts;

/**
 * The questions the signed-in user asked ({@code questions}), newest first; each opens its page. A
 * user (not an expert) may include the questions of their whole organisation.
 */
@Access(Audience.SIGNED_IN)
@Route(Routes.QUESTIONS)
class MyQuestionsView extends GuardedPage {

    private final QuestionClient questions;
    private final DateTimes dates;
    private final CurrentUser user;
    private final ErrorMessages errors;
    private final ErrorLine message = new ErrorLine("mine-error");
    private final Checkbox organisation = new Checkbox();
    private QuestionGrid grid;

    MyQuestionsView(QuestionClient questions, DateTimes dates, CurrentUser user, ErrorMessages errors) {
        super("mine.title");
        this.questions = questions;
        this.dates = dates;
        this.user = user;
        this.errors = errors;
        addClassName("kb-admin-page");
    }

    @Override
    protected void refresh() {
        try {
            grid.show(organisation.getValue() ? questions.list() : questions.mine());
            message.hide();
        } catch (BackendException e) {
            message.show(errors.describe(e, getLocale()));
        }
    }

    @Override
    protected void build() {
        Button ask = new Button(getTranslation("mine.ask"), VaadinIcon.PLUS.create());
        ask.setId("mine-ask");
        ask.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ask.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(Routes.ASK)));
        Div top = PageParts.top(getTranslation("mine.title"), ask);
        grid = new QuestionGrid("mine-grid", new QuestionTexts(this, dates), dates, getTranslation("mine.empty"));
        Fields.labelled(organisation, "mine-organisation", getTranslation("mine.organisation"));
        organisation.addValueChangeListener(e -> refresh());
        // for experts and admins the unfiltered list means something else (their work, the latest)
        organisation.setVisible(!user.isExpert());
        add(top, organisation, message, grid);
    }
}
