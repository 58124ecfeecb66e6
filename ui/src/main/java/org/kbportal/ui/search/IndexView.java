package org.kbportal.ui.search;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import java.time.Clock;
import java.time.Duration;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.IndexClient;
import org.kbportal.ui.client.IndexStatus;
import org.kbportal.ui.client.RebuildProgress;
import org.kbportal.ui.i18n.DateTimes;
import org.kbportal.ui.i18n.ErrorMessages;
import org.kbportal.ui.navigation.Routes;
import org.kbportal.ui.session.AdminAccess;
import org.kbportal.ui.session.CurrentUser;
import org.kbportal.ui.session.GuardedPage;

/**
 * The search index ({@code admin/index}, ADMIN only): engine, counts, and a rebuild from the
 * database. While a rebuild starts or runs the page polls the backend every second and shows its
 * progress; polling stops when it is over or the page is left.
 */
@Route(Routes.ADMIN_INDEX)
class IndexView extends GuardedPage {

    static final int POLL_MS = 1000;

    private final IndexClient index;
    private final DateTimes dates;
    private final CurrentUser user;
    private final ErrorMessages errors;
    private final Clock clock;
    private final RebuildWatch watch = new RebuildWatch();

    private final Span engine = new Span();
    private final Span indexed = new Span();
    private final Span pending = new Span();
    private final Span failing = new Span();
    private final Div message = new Div();
    private final Span state = new Span();
    private final ProgressBar progress = new ProgressBar();
    private final Span count = new Span();
    private final Span times = new Span();
    private final Div failure = new Div();
    private final Button rebuild = new Button();
    private Registration polling;
    private RebuildWatch.Phase shown = RebuildWatch.Phase.IDLE;

    IndexView(IndexClient index, DateTimes dates, CurrentUser user, ErrorMessages errors, Clock clock) {
        super("index.title");
        this.index = index;
        this.dates = dates;
        this.user = user;
        this.errors = errors;
        this.clock = clock;
        addClassName("kb-admin-page");
    }

    @Override
    protected boolean allowed(BeforeEnterEvent event) {
        return AdminAccess.check(event, user);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (polling != null) {
            // a refreshed route (language switch) detaches the old instance after this one started polling
            event.getUI().setPollInterval(POLL_MS);
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopPolling(event.getUI());
    }

    @Override
    protected void build() {
        Button reload = new Button(getTranslation("index.refresh"), VaadinIcon.REFRESH.create(), e -> refresh());
        reload.setId("index-refresh");
        reload.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div top = new Div(new H1(getTranslation("index.title")), reload);
        top.addClassName("kb-admin-top");
        Paragraph intro = new Paragraph(getTranslation("index.intro"));
        intro.addClassName("kb-intro");
        message.setId("index-error");
        message.addClassName("kb-error");
        message.setVisible(false);

        Div stats = new Div(
                stat("index.engine", engine, "index-engine"),
                stat("index.indexed", indexed, "index-indexed"),
                stat("index.pending", pending, "index-pending"),
                stat("index.failing", failing, "index-failing"));
        stats.addClassName("kb-stats");

        rebuild.setText(getTranslation("index.rebuild"));
        rebuild.setIcon(VaadinIcon.COG.create());
        rebuild.setId("index-rebuild");
        rebuild.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        rebuild.addClickListener(e -> confirmRebuild());
        state.setId("index-rebuild-state");
        state.addClassName("kb-rebuild-state");
        progress.setId("index-progress");
        count.setId("index-rebuild-count");
        times.setId("index-rebuild-times");
        times.addClassName("kb-meta");
        failure.setId("index-rebuild-error");
        failure.addClassName("kb-error");
        failure.setVisible(false);
        Div head = new Div(new H2(getTranslation("index.rebuild.heading")), rebuild);
        head.addClassName("kb-admin-top");
        Div line = new Div(state, count);
        line.addClassName("kb-rebuild-line");
        Div section =
                new Div(head, new Paragraph(getTranslation("index.rebuild.help")), line, progress, times, failure);
        section.addClassName("kb-rebuild");
        section.setId("index-rebuild-section");

        add(top, intro, message, stats, section);
    }

    private Div stat(String labelKey, Span value, String id) {
        value.setId(id);
        value.addClassName("kb-stat-value");
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("kb-stat-label");
        Div box = new Div(value, label);
        box.addClassName("kb-stat");
        return box;
    }

    @Override
    protected void refresh() {
        IndexStatus status;
        try {
            status = index.status();
        } catch (BackendException e) {
            // no word from the backend (down, or signed out meanwhile): stop asking every second
            showMessage(e);
            stopPolling(UI.getCurrent());
            rebuild.setEnabled(true);
            return;
        }
        message.setVisible(false);
        engine.setText(status.engine() == null ? "–" : status.engine());
        indexed.setText(Long.toString(status.indexed()));
        pending.setText(Long.toString(status.pending()));
        failing.setText(Long.toString(status.failing()));
        failing.getElement().getClassList().set("kb-stat-bad", status.failing() > 0);
        show(status.rebuild());
    }

    private void confirmRebuild() {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("index-rebuild-dialog");
        confirm.setHeader(getTranslation("index.rebuild.title"));
        confirm.setText(getTranslation("index.rebuild.text"));
        Button cancel = new Button(getTranslation("index.rebuild.cancel"), e -> confirm.close());
        cancel.setId("index-rebuild-cancel");
        Button start = new Button(getTranslation("index.rebuild.confirm"), e -> {
            confirm.close();
            startRebuild();
        });
        start.setId("index-rebuild-confirm");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setCancelable(true);
        confirm.setCancelButton(cancel);
        confirm.setConfirmButton(start);
        confirm.open();
    }

    private void startRebuild() {
        RebuildProgress started;
        try {
            RebuildProgress before = index.status().rebuild();
            watch.requested(before, clock.instant());
            started = index.startRebuild();
        } catch (BackendException e) {
            showMessage(e);
            return;
        }
        message.setVisible(false);
        show(started);
    }

    private void show(RebuildProgress p) {
        RebuildWatch.Phase phase = watch.phase(p, clock.instant());
        boolean busy = phase.busy();
        state.setText(getTranslation("index.state", getTranslation("index.state." + phase.name())));
        state.getElement().setAttribute("data-state", phase.name());
        rebuild.setEnabled(!busy);

        boolean known = phase != RebuildWatch.Phase.IDLE;
        progress.setVisible(known);
        count.setVisible(known && phase != RebuildWatch.Phase.STARTING);
        progress.setIndeterminate(phase == RebuildWatch.Phase.STARTING || (busy && p.total() == 0));
        progress.setValue(
                switch (phase) {
                    case DONE -> 1;
                    case STARTING -> 0;
                    default -> p.fraction();
                });
        count.setText(getTranslation("index.progress", p.done(), p.total()));
        times.setText(phase == RebuildWatch.Phase.STARTING ? "" : times(p));
        times.setVisible(!times.getText().isEmpty());

        failure.setVisible(phase == RebuildWatch.Phase.FAILED);
        failure.setText(
                getTranslation("index.failed", p.error() == null ? getTranslation("error.unexpected") : p.error()));

        if (shown.busy() && phase == RebuildWatch.Phase.DONE) {
            Notification note = Notification.show(getTranslation("index.done"), 3000, Notification.Position.BOTTOM_END);
            note.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }
        shown = phase;
        // the current UI, not getUI(): on the first visit this runs before the view is attached
        if (busy) {
            startPolling(UI.getCurrent());
        } else {
            stopPolling(UI.getCurrent());
        }
    }

    private String times(RebuildProgress p) {
        if (p.startedAt() == null) {
            return "";
        }
        String started = getTranslation("index.started", dates.format(p.startedAt()));
        if (p.finishedAt() == null) {
            return started;
        }
        long seconds =
                Math.max(0, Duration.between(p.startedAt(), p.finishedAt()).toSeconds());
        return started + " · " + getTranslation("index.finished", dates.format(p.finishedAt()), seconds);
    }

    private void startPolling(UI ui) {
        if (polling == null) {
            ui.setPollInterval(POLL_MS);
            polling = ui.addPollListener(e -> refresh());
        }
    }

    private void stopPolling(UI ui) {
        if (polling != null) {
            polling.remove();
            polling = null;
            ui.setPollInterval(-1);
        }
    }

    private void showMessage(BackendException e) {
        message.setText(errors.describe(e, getLocale()));
        message.setVisible(true);
    }
}
