package org.kbportal.ui.question;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import org.kbportal.contract.question.QuestionDetail;
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
import org.kbportal.ui.widget.PageParts;

/**
 * The experts' workbench ({@code workbench}, EXPERT and ADMIN): the questions assigned to the
 * expert and the queue of unassigned ones in their skills, with a claim button. While the page is
 * open it listens to the expert's live events ({@link ExpertFeed}: the backend's event stream,
 * pushed to the browser) and reloads both lists on each, so a newly assigned or queued question
 * shows up within a second without reloading.
 */
@Access(Audience.EXPERT)
@Route(Routes.WORKBENCH)
class WorkbenchView extends GuardedPage {

    private final QuestionClient questions;
    private final DateTimes dates;
    private final CurrentUser user;
    private final ErrorMessages errors;
    private final ExpertFeed feed;
    private final ErrorLine message = new ErrorLine("workbench-error");
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
        Div top = PageParts.top(getTranslation("workbench.title"));
        Paragraph intro = PageParts.intro(getTranslation("workbench.intro.live"));
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

    private Button claimButton(QuestionDetail q) {
        Button claim = new Button(getTranslation("workbench.claim"), VaadinIcon.HAND.create());
        claim.setId("claim-" + q.id());
        claim.addClassName("workbench-claim");
        claim.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        claim.addClickListener(e -> claim(q));
        return claim;
    }

    private void claim(QuestionDetail q) {
        try {
            questions.claim(q.id());
        } catch (BackendException e) {
            message.show(
                    e.status() == 409
                            ? getTranslation("workbench.claim.taken", String.valueOf(q.id()))
                            : errors.describe(e, getLocale()));
            refresh();
            return;
        }
        PageParts.success(getTranslation("workbench.claimed", String.valueOf(q.id())));
        refresh();
    }

    @Override
    protected void refresh() {
        try {
            assigned.show(questions.list());
            queue.show(questions.queue());
        } catch (BackendException e) {
            message.show(errors.describe(e, getLocale()));
        }
    }
}
