package org.kbportal.ui.question;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import org.kbportal.contract.question.QuestionView;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.QuestionClient;
import org.kbportal.ui.i18n.DateTimes;
import org.kbportal.ui.i18n.ErrorMessages;
import org.kbportal.ui.navigation.Routes;
import org.kbportal.ui.session.AdminAccess;
import org.kbportal.ui.session.CurrentUser;
import org.kbportal.ui.session.GuardedPage;

/**
 * The experts' workbench ({@code workbench}, EXPERT and ADMIN): the questions assigned to the
 * expert and the queue of unassigned ones in their skills, with a claim button. While the page is
 * open it listens to the expert's live events ({@link ExpertFeed}: the backend's event stream,
 * pushed to the browser) and reloads both lists on each, so a newly assigned or queued question
 * shows up within a second without reloading.
 */
@Route(Routes.WORKBENCH)
class WorkbenchView extends GuardedPage {

    private final QuestionClient questions;
    private final DateTimes dates;
    private final CurrentUser user;
    private final ErrorMessages errors;
    private final ExpertFeed feed;
    private final Div message = new Div();
    private QuestionGrid assigned;
    private QuestionGrid queue;
    private Registration live;

    WorkbenchView(QuestionClient questions, DateTimes dates, CurrentUser user, ErrorMessages errors, ExpertFeed feed) {
        super("workbench.title");
        this.questions = questions;
        this.dates = dates;
        this.user = user;
        this.errors = errors;
        this.feed = feed;
        addClassName("kb-admin-page");
    }

    @Override
    protected boolean allowed(BeforeEnterEvent event) {
        return AdminAccess.checkExpert(event, user);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        live = feed.listen(event.getUI(), e -> {
            if (user.isSignedIn()) {
                refresh();
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (live != null) {
            live.remove();
            live = null;
        }
        super.onDetach(event);
    }

    @Override
    protected void build() {
        Div top = new Div(new H1(getTranslation("workbench.title")));
        top.addClassName("kb-admin-top");
        Paragraph intro = new Paragraph(getTranslation("workbench.intro.live"));
        intro.addClassName("kb-intro");
        message.setId("workbench-error");
        message.addClassName("kb-error");
        message.setVisible(false);
        QuestionTexts texts = new QuestionTexts(this, dates);
        assigned = new QuestionGrid("workbench-assigned", texts, dates, getTranslation("workbench.assigned.empty"));
        queue = new QuestionGrid("workbench-queue", texts, dates, getTranslation("workbench.queue.empty"));
        queue.addComponentColumn(this::claimButton).setAutoWidth(true).setFlexGrow(0);
        add(
                top,
                intro,
                message,
                new H2(getTranslation("workbench.assigned")),
                assigned,
                new H2(getTranslation("workbench.queue")),
                queue);
    }

    private Button claimButton(QuestionView q) {
        Button claim = new Button(getTranslation("workbench.claim"), VaadinIcon.HAND.create());
        claim.setId("claim-" + q.id());
        claim.addClassName("workbench-claim");
        claim.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        claim.addClickListener(e -> claim(q));
        return claim;
    }

    private void claim(QuestionView q) {
        try {
            questions.claim(q.id());
        } catch (BackendException e) {
            message.setText(
                    e.status() == 409
                            ? getTranslation("workbench.claim.taken", String.valueOf(q.id()))
                            : errors.describe(e, getLocale()));
            message.setVisible(true);
            refresh();
            return;
        }
        Notification note = Notification.show(
                getTranslation("workbench.claimed", String.valueOf(q.id())), 3000, Notification.Position.BOTTOM_END);
        note.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        refresh();
    }

    @Override
    protected void refresh() {
        try {
            assigned.show(questions.list());
            queue.show(questions.queue());
        } catch (BackendException e) {
            message.setText(errors.describe(e, getLocale()));
            message.setVisible(true);
        }
    }
}
