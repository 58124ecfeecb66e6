package org.kbportal.ui.audit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.Route;
import org.kbportal.contract.audit.AuditEvent;
import org.kbportal.contract.audit.AuditPage;
import org.kbportal.ui.client.AuditFilter;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.OperationsClient;
import org.kbportal.ui.i18n.Content;
import org.kbportal.ui.i18n.DateTimes;
import org.kbportal.ui.i18n.ErrorMessages;
import org.kbportal.ui.i18n.KbI18NProvider;
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
 * The audit log ({@code admin/audit}, AUDITOR only: separation of duties): filter by period, actor and action, page through
 * the events newest first, and download the filtered log as CSV. Read-only: the log has no edits.
 */
@Access(Audience.AUDITOR)
@AdminMenu(group = "nav.group-audit", label = "nav.admin-audit", id = "nav-admin-audit", order = 150)
@Route(Routes.ADMIN_AUDIT)
class AuditView extends GuardedPage {

    static final int PAGE_SIZE = 50;

    private final OperationsClient ops;
    private final DateTimes dates;
    private final ErrorMessages errors;
    private final FileDownloads downloads;
    private final KbI18NProvider texts;

    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final TextField actor = new TextField();
    private final TextField action = new TextField();
    private final ErrorLine message = new ErrorLine("audit-error");
    private final Grid<AuditEvent> grid = new Grid<>();
    private final Span count = new Span();
    private final Button previous = new Button();
    private final Button next = new Button();
    private final Anchor csv = new Anchor();
    private AuditFilter filter = AuditFilter.ALL;
    private int page;

    AuditView(
            OperationsClient ops,
            DateTimes dates,
            ErrorMessages errors,
            FileDownloads downloads,
            KbI18NProvider texts) {
        super("audit.title");
        this.texts = texts;
        this.downloads = downloads;
        this.ops = ops;
        this.dates = dates;
        this.errors = errors;
        addClassName("kb-admin-page");
    }

    @Override
    protected void build() {
        Paragraph intro = PageParts.intro(getTranslation("audit.intro"));
        Fields.labelled(from, "audit-from", getTranslation("audit.from"));
        Fields.labelled(to, "audit-to", getTranslation("audit.to"));
        Fields.labelled(actor, "audit-actor", getTranslation("audit.actor"));
        actor.setClearButtonVisible(true);
        Fields.labelled(action, "audit-action", getTranslation("audit.action"));
        // action codes are what the log records and what the filter matches: data, not interface words
        action.addClassName("kb-content");
        action.setHelperText(getTranslation("audit.action.help"));
        action.setClearButtonVisible(true);
        Button apply = new Button(getTranslation("audit.apply"), VaadinIcon.SEARCH.create(), e -> apply());
        apply.setId("audit-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        csv.setText(getTranslation("audit.csv"));
        csv.setId("audit-csv");
        csv.getElement().setAttribute("download", true);
        Div filters = new Div(from, to, actor, action, apply, csv);
        filters.addClassName("kb-filters");

        grid.setId("audit-grid");
        grid.addColumn(e -> dates.format(e.occurredAt()))
                .setHeader(getTranslation("audit.col.time"))
                .setAutoWidth(true);
        grid.addColumn(e -> e.actor() == null ? "–" : e.actor())
                .setHeader(getTranslation("audit.col.actor"))
                .setAutoWidth(true);
        // the readable name for people, the recorded code under it (and as tooltip) for auditors and the filter
        grid.addColumn(LitRenderer.<AuditEvent>of(
                                "<span class=\"${item.labelClass}\" data-code=\"${item.code}\">"
                                        + "${item.label}</span><br><span class=\"kb-content kb-audit-code\">${item.code}</span>")
                        .withProperty("label", e -> AuditActions.label(texts, e.action(), getLocale()))
                        .withProperty(
                                "labelClass",
                                e -> AuditActions.named(texts, e.action())
                                        ? "kb-audit-action"
                                        : "kb-audit-action kb-content")
                        .withProperty("code", e -> e.action() == null ? "" : e.action()))
                .setHeader(getTranslation("audit.col.action"))
                .setAutoWidth(true)
                .setTooltipGenerator(e -> e.action() == null ? "" : e.action());
        grid.addColumn(Content.text(e -> e.target() == null ? "" : e.target()))
                .setHeader(getTranslation("audit.col.target"));
        grid.addColumn(e -> e.status() == null ? "" : e.status().toString())
                .setHeader(getTranslation("audit.col.status"));
        grid.addColumn(e -> e.clientIp() == null ? "" : e.clientIp()).setHeader(getTranslation("audit.col.ip"));
        grid.addColumn(Content.text(e -> e.details() == null ? "" : e.details()))
                .setHeader(getTranslation("audit.col.details"))
                .setFlexGrow(3)
                .setTooltipGenerator(e -> e.details() == null ? "" : e.details());
        // long details (a purge's cut-off, a request's parameters) wrap instead of being cut at the column's edge
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);

        previous.setText(getTranslation("audit.previous"));
        previous.setId("audit-previous");
        previous.addClickListener(e -> {
            page = Math.max(0, page - 1);
            refresh();
        });
        next.setText(getTranslation("audit.next"));
        next.setId("audit-next");
        next.addClickListener(e -> {
            page++;
            refresh();
        });
        count.setId("audit-count");
        Div pager = new Div(previous, count, next);
        pager.addClassName("kb-pager");
        add(new H1(getTranslation("audit.title")), intro, filters, message, grid, pager);
    }

    private void apply() {
        if (from.getValue() != null && to.getValue() != null && to.getValue().isBefore(from.getValue())) {
            message.show(getTranslation("audit.period.invalid"));
            return;
        }
        filter = new AuditFilter(from.getValue(), to.getValue(), actor.getValue(), action.getValue());
        page = 0;
        refresh();
    }

    @Override
    protected void refresh() {
        AuditPage result;
        try {
            result = ops.audit(filter, page, PAGE_SIZE);
        } catch (BackendException e) {
            message.show(errors.describe(e, getLocale()));
            return;
        }
        message.hide();
        grid.setItems(result.items());
        long pages = Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        count.setText(getTranslation("audit.count", result.total(), page + 1, pages));
        count.getElement().setAttribute("data-total", String.valueOf(result.total()));
        previous.setEnabled(page > 0);
        next.setEnabled(page + 1 < pages);
        AuditFilter current = filter;
        csv.setHref(downloads.handler(ops.auditCsv(current), "audit-log.csv", "text/csv; charset=UTF-8"));
    }
}
