package org.kbportal.ui.backup;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Route;
import java.util.List;
import org.kbportal.contract.backup.BackupRun;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.OperationsClient;
import org.kbportal.ui.i18n.DateTimes;
import org.kbportal.ui.i18n.ErrorMessages;
import org.kbportal.ui.navigation.AdminMenu;
import org.kbportal.ui.navigation.Routes;
import org.kbportal.ui.session.Access;
import org.kbportal.ui.session.Audience;
import org.kbportal.ui.session.FileDownloads;
import org.kbportal.ui.session.GuardedPage;
import org.kbportal.ui.widget.ErrorLine;
import org.kbportal.ui.widget.PageParts;
import org.kbportal.ui.widget.Poller;

/**
 * Backups ({@code admin/backups}, ADMIN only): start one, follow its progress (the page polls every
 * second while one runs), list the latest with their size and a download link. Restoring is a
 * command on the server (README), not a button: it needs an empty installation.
 */
@Access(Audience.ADMIN)
@AdminMenu(group = "nav.group-operations", label = "nav.admin-backups", id = "nav-admin-backups", order = 130)
@Route(Routes.ADMIN_BACKUPS)
class BackupsView extends GuardedPage {

    static final int POLL_MS = 1000;

    private final OperationsClient ops;
    private final DateTimes dates;
    private final ErrorMessages errors;
    private final FileDownloads downloads;

    private final ErrorLine message = new ErrorLine("backups-error");
    private final Button create = new Button();
    private final Span state = new Span();
    private final ProgressBar progress = new ProgressBar();
    private final Grid<BackupRun> grid = new Grid<>();
    private final Poller poller = new Poller(this, POLL_MS, () -> refresh());

    BackupsView(OperationsClient ops, DateTimes dates, ErrorMessages errors, FileDownloads downloads) {
        super("backups.title");
        this.downloads = downloads;
        this.ops = ops;
        this.dates = dates;
        this.errors = errors;
        addClassName("kb-admin-page");
    }

    @Override
    protected void build() {
        Div top = PageParts.top(getTranslation("backups.title"));
        Paragraph intro = PageParts.intro(getTranslation("backups.intro"));
        create.setText(getTranslation("backups.create"));
        create.setIcon(VaadinIcon.ARCHIVE.create());
        create.setId("backups-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> start());
        state.setId("backups-state");
        progress.setId("backups-progress");
        progress.setVisible(false);
        Div line = new Div(create, state);
        line.addClassName("kb-rebuild-line");

        grid.setId("backups-grid");
        grid.addColumn(r -> dates.format(r.startedAt())).setHeader(getTranslation("backups.col.started"));
        grid.addColumn(r -> getTranslation("backups.status." + r.status()))
                .setHeader(getTranslation("backups.col.status"));
        grid.addColumn(r -> getTranslation("backups.trigger." + r.trigger()))
                .setHeader(getTranslation("backups.col.trigger"));
        grid.addColumn(r -> r.requestedBy() == null ? "–" : r.requestedBy())
                .setHeader(getTranslation("backups.col.by"));
        grid.addColumn(r -> ByteSize.format(r.sizeBytes())).setHeader(getTranslation("backups.col.size"));
        grid.addComponentColumn(this::downloadOrError).setHeader(getTranslation("backups.col.file"));
        grid.setEmptyStateText(getTranslation("backups.none"));
        grid.setAllRowsVisible(true);
        add(top, intro, message, line, progress, grid);
    }

    @Override
    protected void refresh() {
        List<BackupRun> runs;
        try {
            runs = ops.backups();
        } catch (BackendException e) {
            showMessage(e);
            poller.stop(UI.getCurrent());
            return;
        }
        message.hide();
        grid.setItems(runs);
        BackupRun latest = runs.isEmpty() ? null : runs.get(0);
        show(latest);
    }

    private void start() {
        try {
            show(ops.startBackup());
        } catch (BackendException e) {
            showMessage(e);
            return;
        }
        refresh();
    }

    private void show(BackupRun run) {
        boolean running = run != null && run.running();
        create.setEnabled(!running);
        progress.setVisible(running);
        state.getElement().setAttribute("data-state", run == null ? "NONE" : run.status());
        if (run == null) {
            state.setText(getTranslation("backups.none"));
        } else if (running) {
            progress.setValue(run.progress() / 100.0);
            state.setText(getTranslation(
                    "backups.running",
                    run.progress(),
                    run.tablesDone(),
                    run.tablesTotal(),
                    run.filesDone(),
                    run.filesTotal()));
        } else {
            state.setText(getTranslation(
                    "backups.latest", getTranslation("backups.status." + run.status()), dates.format(run.startedAt())));
        }
        if (running) {
            poller.start(UI.getCurrent());
        } else {
            poller.stop(UI.getCurrent());
        }
    }

    private com.vaadin.flow.component.Component downloadOrError(BackupRun r) {
        if (r.downloadable()) {
            // streamed from the backend straight to the browser, never held in memory
            Anchor link = downloads.link(ops.backupArchive(r.id()), r.fileName(), "application/zip", r.fileName());
            link.getElement().setAttribute("data-testid", "backup-download");
            return link;
        }
        Span text = new Span(r.error() == null ? "" : r.error());
        text.addClassName("kb-meta");
        return text;
    }

    private void showMessage(BackendException e) {
        message.show(errors.describe(e, getLocale()));
    }
}
