package org.kbportal.ui.report;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.kbportal.contract.report.ServiceReport;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.Category;
import org.kbportal.ui.client.CategoryCatalog;
import org.kbportal.ui.client.ReportClient;
import org.kbportal.ui.i18n.ErrorMessages;
import org.kbportal.ui.navigation.AdminMenu;
import org.kbportal.ui.navigation.Routes;
import org.kbportal.ui.session.Access;
import org.kbportal.ui.session.Audience;
import org.kbportal.ui.session.FileDownloads;
import org.kbportal.ui.session.GuardedPage;
import org.kbportal.ui.widget.ErrorLine;
import org.kbportal.ui.widget.Fields;
import org.kbportal.ui.widget.PageParts;

/**
 * The service report dashboard ({@code admin/reports}, ADMIN only): period (last month by default)
 * and category in the URL, key figures, the server-rendered charts, tables, and the XLSX / PDF /
 * CSV downloads (fetched from the backend with the admin's token when clicked).
 */
@Access(Audience.ADMIN)
@AdminMenu(group = "nav.group-operations", label = "nav.admin-reports", id = "nav-admin-reports", order = 120)
@Route(Routes.ADMIN_REPORTS)
class ServiceReportView extends GuardedPage {

    static final List<String> CHARTS = List.of("daily", "categories", "sla", "satisfaction");
    private static final Map<String, String> TYPES = Map.of(
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "pdf", "application/pdf",
            "csv", "text/csv;charset=UTF-8");

    private final ReportClient reports;
    private final CategoryCatalog categories;
    private final ErrorMessages errors;
    private final FileDownloads downloads;
    private final Clock clock;

    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final ComboBox<Category> category = new ComboBox<>();
    private final ErrorLine message = new ErrorLine("report-error");
    private final Div content = new Div();
    private ReportClient.Filter filter;

    ServiceReportView(
            ReportClient reports,
            CategoryCatalog categories,
            ErrorMessages errors,
            Clock clock,
            FileDownloads downloads) {
        super("report.title");
        this.downloads = downloads;
        this.reports = reports;
        this.categories = categories;
        this.errors = errors;
        this.clock = clock;
        addClassName("kb-admin-page");
        addClassName("kb-report");
    }

    @Override
    protected boolean prepare(BeforeEnterEvent event) {
        filter = ReportParams.parse(event.getLocation().getQueryParameters(), LocalDate.now(clock), this::hasQuestions);
        return true;
    }

    @Override
    protected void build() {
        Paragraph intro = PageParts.intro(getTranslation("report.intro"));
        Fields.labelled(from, "report-from", getTranslation("report.from"));
        Fields.labelled(to, "report-to", getTranslation("report.to"));
        Fields.labelled(category, "report-category", getTranslation("report.category"));
        category.setClearButtonVisible(true);
        category.setPlaceholder(getTranslation("report.category.all"));
        category.setItemLabelGenerator(c -> c.name(getLocale()));
        Button show = new Button(getTranslation("report.show"), e -> apply());
        show.setId("report-show");
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div filters = new Div(from, to, category, show);
        filters.addClassName("kb-report-filters");
        content.setId("report-content");
        add(new H1(getTranslation("report.title")), intro, filters, message, content);
    }

    @Override
    protected void refresh() {
        List<Category> all = categories.all();
        category.setItems(all);
        from.setValue(filter.from());
        to.setValue(filter.to());
        category.setValue(all.stream()
                .filter(c -> c.code().equals(filter.category()))
                .findFirst()
                .orElse(null));
        load();
    }

    /** The filter fields into the URL (which reloads the page's data through {@link #refresh}). */
    private void apply() {
        if (from.getValue() == null || to.getValue() == null) {
            return;
        }
        ReportClient.Filter f = new ReportClient.Filter(
                from.getValue(),
                to.getValue(),
                category.getValue() == null ? null : category.getValue().code());
        getUI().ifPresent(ui -> ui.navigate(Routes.ADMIN_REPORTS, ReportParams.format(f)));
    }

    /** Whether a period had questions; if the backend cannot say, the usual default stands. */
    private boolean hasQuestions(ReportClient.Filter f) {
        try {
            return reports.report(f).questions().total() > 0;
        } catch (BackendException e) {
            return true;
        }
    }

    private void load() {
        content.removeAll();
        message.hide();
        try {
            ServiceReport r = reports.report(filter);
            content.add(downloads(), figures(r), charts(), tables(r));
        } catch (BackendException e) {
            message.show(errors.describe(e, getLocale()));
        }
    }

    private Component downloads() {
        Div d = new Div();
        d.addClassName("kb-report-downloads");
        for (String format : List.of("xlsx", "pdf", "csv")) {
            ReportClient.Filter f = filter;
            String name = ReportParams.filename(f, format);
            DownloadHandler handler = downloads.handler(reports.export(f, format), name, TYPES.get(format));
            Anchor a = new Anchor(handler, getTranslation("report.download." + format));
            a.setId("report-download-" + format);
            a.getElement().setAttribute("download", name);
            a.setTarget(AnchorTarget.BLANK);
            a.addClassName("kb-report-download");
            d.add(a);
        }
        return d;
    }

    private Component figures(ServiceReport r) {
        Div f = new Div(
                figure("total", String.valueOf(r.questions().total())),
                figure("reply-sla", percent(r.replySlaCompliance().overall().percent())),
                figure("resolve-sla", percent(r.resolveSlaCompliance().overall().percent())),
                figure("resolution-rate", percent(r.resolutionRate().percent())),
                figure("first-reply", minutes(r.firstReplyMinutes().median())),
                figure("resolution-time", minutes(r.resolutionMinutes().median())),
                figure("satisfaction", number(r.satisfaction().overallMean())),
                figure("escalations", String.valueOf(r.escalations().total())),
                figure("complaints", String.valueOf(r.complaints().count())),
                figure("deflections", String.valueOf(r.deflections().total())),
                figure("articles", String.valueOf(r.knowledge().articlesAdded())),
                figure("zero-hit", r.searches().zeroHit() + " / " + r.searches().total()));
        f.addClassName("kb-report-figures");
        return f;
    }

    private Div figure(String key, String value) {
        Span v = new Span(value);
        v.addClassName("kb-report-value");
        v.getElement().setAttribute("data-testid", "report-" + key);
        Span label = new Span(getTranslation("report.figure." + key));
        label.addClassName("kb-report-label");
        Div card = new Div(v, label);
        card.addClassName("kb-report-card");
        return card;
    }

    private Component charts() {
        Div c = new Div();
        c.addClassName("kb-report-charts");
        for (String name : CHARTS) {
            byte[] png = reports.chart(name, filter, getLocale());
            Image img = new Image(
                    "data:image/png;base64," + Base64.getEncoder().encodeToString(png),
                    getTranslation("report.chart." + name));
            img.setId("report-chart-" + name);
            img.addClassName("kb-report-chart");
            c.add(img);
        }
        return c;
    }

    private Component tables(ServiceReport r) {
        Grid<ServiceReport.ExpertRow> experts = grid(r.experts(), "report-experts");
        experts.addColumn(ServiceReport.ExpertRow::name).setHeader(getTranslation("report.expert.name"));
        experts.addColumn(ServiceReport.ExpertRow::assigned).setHeader(getTranslation("report.expert.assigned"));
        experts.addColumn(ServiceReport.ExpertRow::resolved).setHeader(getTranslation("report.expert.resolved"));
        experts.addColumn(ServiceReport.ExpertRow::open).setHeader(getTranslation("report.expert.open"));
        experts.addColumn(e -> percent(e.replySlaPercent())).setHeader(getTranslation("report.figure.reply-sla"));
        experts.addColumn(e -> percent(e.resolveSlaPercent())).setHeader(getTranslation("report.figure.resolve-sla"));
        experts.addColumn(e -> minutes(e.meanFirstReplyMinutes())).setHeader(getTranslation("report.expert.reply"));
        experts.addColumn(e -> number(e.meanRating())).setHeader(getTranslation("report.figure.satisfaction"));

        Grid<ServiceReport.QueryCluster> gaps = grid(r.zeroResultQueries(), "report-zero-results");
        gaps.addColumn(ServiceReport.QueryCluster::label).setHeader(getTranslation("report.query"));
        gaps.addColumn(ServiceReport.QueryCluster::count).setHeader(getTranslation("report.count"));
        gaps.addColumn(c -> String.join(" | ", c.variants())).setHeader(getTranslation("report.variants"));

        Grid<ServiceReport.Count> top = grid(r.searches().top(), "report-top-searches");
        top.addColumn(ServiceReport.Count::label).setHeader(getTranslation("report.query"));
        top.addColumn(ServiceReport.Count::count).setHeader(getTranslation("report.count"));

        Grid<ServiceReport.Count> reasons = grid(r.escalations().reasons(), "report-escalations");
        reasons.addColumn(ServiceReport.Count::label).setHeader(getTranslation("report.reason"));
        reasons.addColumn(ServiceReport.Count::count).setHeader(getTranslation("report.count"));

        Grid<ServiceReport.Comment> comments = grid(r.satisfaction().comments(), "report-comments");
        comments.addColumn(c -> "#" + c.questionId()).setHeader(getTranslation("report.question"));
        comments.addColumn(c -> c.attitude() + "/" + c.expertise() + "/" + c.timeliness())
                .setHeader(getTranslation("report.scores"));
        comments.addColumn(ServiceReport.Comment::comment).setHeader(getTranslation("report.comment"));

        return new Div(
                new H2(getTranslation("report.section.experts")),
                experts,
                new H2(getTranslation("report.section.zero-results")),
                gaps,
                new H2(getTranslation("report.section.top-searches")),
                top,
                new H2(getTranslation("report.section.escalations")),
                reasons,
                new H2(getTranslation("report.section.comments")),
                comments);
    }

    private <T> Grid<T> grid(List<T> items, String id) {
        Grid<T> g = new Grid<>();
        g.setId(id);
        g.setEmptyStateText(getTranslation("report.table.empty"));
        g.setItems(items);
        g.setAllRowsVisible(true);
        g.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        return g;
    }

    private String percent(Double v) {
        return v == null ? "–" : v + " %";
    }

    private String minutes(Double v) {
        return v == null ? "–" : getTranslation("report.minutes", v);
    }

    private static String number(Double v) {
        return v == null ? "–" : String.valueOf(v);
    }
}
