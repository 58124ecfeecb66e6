package org.kbportal.ui.feedback;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import org.kbportal.ui.client.Curation;
import org.kbportal.ui.client.CurationClient;
import org.kbportal.ui.i18n.DateTimes;
import org.kbportal.ui.navigation.Routes;
import org.kbportal.ui.session.AdminAccess;
import org.kbportal.ui.session.CurrentUser;
import org.kbportal.ui.session.GuardedPage;

/** What readers think ({@code admin/feedback}, ADMIN): least helpful, most viewed, latest comments. */
@Route(Routes.ADMIN_FEEDBACK)
class FeedbackReportView extends GuardedPage {

    private final CurationClient curation;
    private final DateTimes dates;
    private final CurrentUser user;
    private final Grid<Curation.Score> least = scores("feedback-least");
    private final Grid<Curation.Score> viewed = scores("feedback-viewed");
    private final Grid<Curation.Comment> comments = new Grid<>();

    FeedbackReportView(CurationClient curation, DateTimes dates, CurrentUser user) {
        super("feedback.title");
        this.curation = curation;
        this.dates = dates;
        this.user = user;
        addClassName("kb-admin-page");
    }

    @Override
    protected boolean allowed(BeforeEnterEvent event) {
        return AdminAccess.check(event, user);
    }

    @Override
    protected void build() {
        comments.setId("feedback-comments");
        comments.addComponentColumn(c -> Routes.link(Routes.article(c.articleId()), c.title()))
                .setHeader(getTranslation("feedback.col.article"))
                .setWidth("14rem")
                .setFlexGrow(1);
        comments.addColumn(c -> getTranslation(c.helpful() ? "feedback.yes" : "feedback.no"))
                .setHeader(getTranslation("feedback.col.vote"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        comments.addColumn(Curation.Comment::comment)
                .setHeader(getTranslation("feedback.col.comment"))
                .setFlexGrow(1);
        comments.addColumn(c -> c.username() == null ? getTranslation("feedback.anonymous") : c.username())
                .setHeader(getTranslation("feedback.col.by"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        comments.addColumn(c -> dates.format(c.at()))
                .setHeader(getTranslation("feedback.col.at"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        comments.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        comments.setEmptyStateText(getTranslation("feedback.comments.empty"));
        comments.setAllRowsVisible(true);
        add(
                new H1(getTranslation("feedback.title")),
                new H2(getTranslation("feedback.least")),
                least,
                new H2(getTranslation("feedback.viewed")),
                viewed,
                new H2(getTranslation("feedback.comments")),
                comments);
    }

    @Override
    protected void refresh() {
        Curation.Report report = curation.report();
        least.setItems(report.leastHelpful());
        viewed.setItems(report.mostViewed());
        comments.setItems(report.comments());
    }

    private Grid<Curation.Score> scores(String id) {
        Grid<Curation.Score> grid = new Grid<>();
        grid.setId(id);
        grid.addComponentColumn(s -> Routes.link(Routes.article(s.id()), s.title()))
                .setHeader(getTranslation("feedback.col.article"))
                .setFlexGrow(1);
        grid.addColumn(Curation.Score::helpful)
                .setHeader(getTranslation("feedback.col.helpful"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Curation.Score::notHelpful)
                .setHeader(getTranslation("feedback.col.not-helpful"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Curation.Score::views)
                .setHeader(getTranslation("feedback.col.views"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("feedback.scores.empty"));
        grid.setAllRowsVisible(true);
        return grid;
    }
}
