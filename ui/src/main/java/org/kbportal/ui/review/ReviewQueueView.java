package org.kbportal.ui.review;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.Route;
import org.kbportal.ui.article.ArticleBadges;
import org.kbportal.ui.article.MarkdownRenderer;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.Curation;
import org.kbportal.ui.client.CurationClient;
import org.kbportal.ui.i18n.DateTimes;
import org.kbportal.ui.i18n.ErrorMessages;
import org.kbportal.ui.navigation.AdminMenu;
import org.kbportal.ui.navigation.Routes;
import org.kbportal.ui.session.Access;
import org.kbportal.ui.session.Audience;
import org.kbportal.ui.session.GuardedPage;
import org.kbportal.ui.widget.ErrorLine;

/**
 * The reviewers' page ({@code admin/review}, ADMIN): articles waiting for review, each with approve
 * and send-back (with a comment), and the published articles due for review.
 */
@Access(Audience.ADMIN)
@AdminMenu(group = "nav.group-content", label = "nav.admin-review", id = "nav-admin-review", order = 30)
@Route(Routes.ADMIN_REVIEW)
class ReviewQueueView extends GuardedPage {

    private final CurationClient curation;
    private final DateTimes dates;
    private final ErrorMessages errors;
    private final MarkdownRenderer markdown;
    private final Div queue = new Div();
    private final ErrorLine message = new ErrorLine("review-error");
    private final Grid<Curation.DueItem> due = new Grid<>();

    ReviewQueueView(CurationClient curation, DateTimes dates, ErrorMessages errors, MarkdownRenderer markdown) {
        super("review.title");
        this.markdown = markdown;
        this.curation = curation;
        this.dates = dates;
        this.errors = errors;
        addClassName("kb-admin-page");
    }

    @Override
    protected void build() {
        queue.setId("review-queue");
        due.setId("due-grid");
        due.addComponentColumn(d -> Routes.link(Routes.editor(d.id()), d.title()))
                .setHeader(getTranslation("review.col.title"))
                .setFlexGrow(1);
        due.addColumn(d -> dates.format(d.reviewBy()))
                .setHeader(getTranslation("review.col.review-by"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        due.addComponentColumn(d -> {
                    Span s = new Span(getTranslation(d.overdue() ? "review.overdue" : "review.due-soon"));
                    s.addClassNames("kb-badge", d.overdue() ? "kb-badge-overdue" : "kb-badge-due");
                    return s;
                })
                .setAutoWidth(true)
                .setFlexGrow(0);
        due.addColumn(Curation.DueItem::updatedBy)
                .setHeader(getTranslation("review.col.updated-by"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        due.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        due.setEmptyStateText(getTranslation("review.due.empty"));
        due.setAllRowsVisible(true);
        add(
                new H1(getTranslation("review.title")),
                new Paragraph(getTranslation("review.intro")),
                message,
                queue,
                new H2(getTranslation("review.due.heading")),
                due);
    }

    @Override
    protected void refresh() {
        queue.removeAll();
        var items = curation.reviewQueue();
        if (items.isEmpty()) {
            Span empty = new Span(getTranslation("review.empty"));
            empty.setId("review-empty");
            queue.add(empty);
        }
        for (Curation.ReviewItem item : items) {
            queue.add(card(item));
        }
        due.setItems(curation.dueForReview(14));
    }

    private Div card(Curation.ReviewItem item) {
        Div head = new Div(
                ArticleBadges.type(item.type()),
                Routes.link(Routes.editor(item.id()), item.title()),
                new Span(getTranslation("review.submitted", item.submittedBy(), dates.format(item.submittedAt()))));
        head.addClassName("kb-meta");
        Div card = new Div(head);
        if (item.excerpt() != null && !item.excerpt().isBlank()) {
            // what the reviewer decides on, without opening the editor (long bodies are cut by the backend)
            Div body = new Div();
            body.getElement().setProperty("innerHTML", markdown.render(item.excerpt()));
            body.addClassNames("kb-review-body", "kb-article-body");
            body.setId("review-body-" + item.id());
            card.add(body);
        }
        if (item.scheduled()) {
            Span scheduled = new Span(getTranslation("review.scheduled", dates.format(item.publishAt())));
            scheduled.addClassNames("kb-badge", "kb-badge-scheduled");
            card.add(scheduled);
        }
        ReviewDecision decision = new ReviewDecision(item.id());
        decision.addDecisionListener(e -> decide(item, e.approved(), e.comment()));
        card.add(decision);
        card.addClassName("kb-review-card");
        card.setId("review-item-" + item.id());
        return card;
    }

    private void decide(Curation.ReviewItem item, boolean approved, String comment) {
        try {
            if (approved) {
                curation.approve(item.id(), comment);
            } else {
                curation.sendBack(item.id(), comment);
            }
            message.hide();
            Notification.show(
                    getTranslation(approved ? "review.approved" : "review.sent-back"),
                    3000,
                    Notification.Position.BOTTOM_END);
        } catch (BackendException e) {
            message.show(errors.describe(e, getLocale()));
        }
        refresh();
    }
}
