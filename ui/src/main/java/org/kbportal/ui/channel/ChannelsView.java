package org.kbportal.ui.channel;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import java.util.List;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.ChannelClient;
import org.kbportal.ui.i18n.DateTimes;
import org.kbportal.ui.i18n.ErrorMessages;
import org.kbportal.ui.navigation.Routes;
import org.kbportal.ui.session.AdminAccess;
import org.kbportal.ui.session.CurrentUser;
import org.kbportal.ui.session.GuardedPage;

/**
 * Notification channels ({@code admin/channels}, ADMIN only): WeCom, DingTalk and Feishu group robots, an
 * SMS gateway and webhooks with their routing; "send test message" shows the receiver's answer; the
 * delivery log of a channel lists failures first, with redelivery.
 */
@Route(Routes.ADMIN_CHANNELS)
class ChannelsView extends GuardedPage {

    private final ChannelClient channels;
    private final DateTimes dates;
    private final CurrentUser user;
    private final ErrorMessages errors;

    private final Div message = new Div();
    private final Grid<ChannelClient.Channel> grid = new Grid<>();
    private final H2 logTitle = new H2();
    private final Grid<ChannelClient.Delivery> log = new Grid<>();
    private ChannelClient.Channel shown;

    ChannelsView(ChannelClient channels, DateTimes dates, CurrentUser user, ErrorMessages errors) {
        super("channels.title");
        this.channels = channels;
        this.dates = dates;
        this.user = user;
        this.errors = errors;
        addClassName("kb-admin-page");
    }

    @Override
    protected boolean allowed(BeforeEnterEvent event) {
        return AdminAccess.check(event, user);
    }

    @Override
    protected void build() {
        Button create = new Button(getTranslation("channels.new"), VaadinIcon.PLUS.create());
        create.setId("channel-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> edit(null));
        Div top = new Div(new H1(getTranslation("channels.title")), create);
        top.addClassName("kb-admin-top");
        Paragraph intro = new Paragraph(getTranslation("channels.intro"));
        intro.addClassName("kb-intro");
        message.setId("channel-message");
        message.addClassName("kb-error");
        message.setVisible(false);

        grid.setId("channel-grid");
        grid.addComponentColumn(this::describe)
                .setHeader(getTranslation("channels.name"))
                .setFlexGrow(1);
        grid.addColumn(this::routing)
                .setHeader(getTranslation("channels.routing"))
                .setFlexGrow(1);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("channels.empty"));

        logTitle.setId("channel-log-title");
        logTitle.setVisible(false);
        log.setId("channel-log");
        log.addColumn(d -> dates.format(d.updatedAt()))
                .setHeader(getTranslation("channels.log.time"))
                .setAutoWidth(true);
        log.addColumn(d -> getTranslation("channels.event." + d.eventType()))
                .setHeader(getTranslation("channels.log.event"));
        log.addComponentColumn(this::status).setHeader(getTranslation("channels.log.status"));
        log.addColumn(d -> d.lastStatusCode() == null ? "–" : String.valueOf(d.lastStatusCode()))
                .setHeader(getTranslation("channels.log.code"))
                .setAutoWidth(true);
        log.addComponentColumn(this::logActions).setAutoWidth(true).setFlexGrow(0);
        log.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        log.setEmptyStateText(getTranslation("channels.log.empty"));
        log.setVisible(false);
        add(top, intro, message, grid, logTitle, log);
    }

    private Div describe(ChannelClient.Channel c) {
        Span name = new Span(c.name());
        name.addClassName("kb-content");
        Span kind = new Span(getTranslation("channels.kind." + c.kind())
                + (c.enabled() ? "" : " · " + getTranslation("channels.disabled")));
        kind.addClassName("kb-summary");
        Div d = new Div(name, new Div(kind));
        d.setId("channel-row-" + c.id());
        return d;
    }

    private String routing(ChannelClient.Channel c) {
        String ev = c.events().isEmpty()
                ? getTranslation("channels.all-events")
                : String.join(
                        "、",
                        c.events().stream()
                                .map(e -> getTranslation("channels.event." + e))
                                .toList());
        String cats = c.categories().isEmpty() ? "" : " · " + String.join(", ", c.categories());
        String sev = c.severities().isEmpty() ? "" : " · " + String.join("/", c.severities());
        return ev + cats + sev;
    }

    private Div actions(ChannelClient.Channel c) {
        Button test = new Button(getTranslation("channels.test"), VaadinIcon.PAPERPLANE.create());
        test.setId("channel-test-" + c.id());
        test.addClickListener(e -> test(c));
        Button logs = new Button(getTranslation("channels.log"), VaadinIcon.LIST.create());
        logs.setId("channel-log-" + c.id());
        logs.addClickListener(e -> showLog(c));
        Button edit = new Button(getTranslation("channels.edit"), VaadinIcon.EDIT.create());
        edit.setId("channel-edit-" + c.id());
        edit.addClickListener(e -> edit(c));
        Button delete = new Button(getTranslation("channels.delete"), VaadinIcon.TRASH.create());
        delete.setId("channel-delete-" + c.id());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(e -> confirmDelete(c));
        for (Button b : List.of(test, logs, edit, delete)) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        Div buttons = new Div(test, logs, edit, delete);
        buttons.addClassName("kb-row-actions");
        return buttons;
    }

    private Span status(ChannelClient.Delivery d) {
        Span s = new Span(getTranslation("channels.status." + d.status()) + " · "
                + getTranslation("channels.log.attempts", d.attempts()));
        s.getElement().setAttribute("data-testid", "delivery-status");
        s.getElement()
                .getThemeList()
                .add(
                        "SENT".equals(d.status())
                                ? "badge success"
                                : "PENDING".equals(d.status()) ? "badge" : "badge error");
        return s;
    }

    private Div logActions(ChannelClient.Delivery d) {
        Div box = new Div();
        if (!"SENT".equals(d.status()) && !"PENDING".equals(d.status())) {
            Button again = new Button(getTranslation("channels.redeliver"), VaadinIcon.REFRESH.create());
            again.setId("delivery-redeliver-" + d.id());
            again.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            again.addClickListener(e -> redeliver(d));
            box.add(again);
        }
        return box;
    }

    @Override
    protected void refresh() {
        try {
            grid.setItems(channels.list());
            message.setVisible(false);
        } catch (BackendException e) {
            showMessage(e);
        }
        if (shown != null) {
            showLog(shown);
        }
    }

    private void showLog(ChannelClient.Channel c) {
        shown = c;
        try {
            log.setItems(channels.deliveries(c.id()));
        } catch (BackendException e) {
            showMessage(e);
            return;
        }
        logTitle.setText(getTranslation("channels.log.title", c.name()));
        logTitle.setVisible(true);
        log.setVisible(true);
    }

    private void test(ChannelClient.Channel c) {
        ChannelClient.Delivery d;
        try {
            d = channels.test(c.id());
        } catch (BackendException e) {
            showMessage(e);
            return;
        }
        boolean ok = "SENT".equals(d.status());
        String code = d.lastStatusCode() == null ? getTranslation("channels.no-answer") : "HTTP " + d.lastStatusCode();
        Notification note = Notification.show(
                getTranslation(ok ? "channels.test.sent" : "channels.test.failed", code),
                5000,
                Notification.Position.BOTTOM_END);
        note.setId("channel-test-result");
        note.addThemeVariants(ok ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
        showLog(c);
    }

    private void redeliver(ChannelClient.Delivery d) {
        try {
            channels.redeliver(d.id());
        } catch (BackendException e) {
            showMessage(e);
            return;
        }
        notifySuccess("channels.redelivered");
        refresh();
    }

    private void edit(ChannelClient.Channel c) {
        new ChannelForm(c, this::save).open();
    }

    private void save(ChannelForm form) {
        try {
            if (form.channel() == null) {
                channels.create(form.value());
            } else {
                channels.update(form.channel().id(), form.value());
            }
        } catch (BackendException e) {
            form.showError(errors.describe(e, getLocale()));
            return;
        }
        form.close();
        notifySuccess("channels.saved");
        refresh();
    }

    private void confirmDelete(ChannelClient.Channel c) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("channel-delete-dialog");
        confirm.setHeader(getTranslation("channels.delete.title"));
        confirm.setText(getTranslation("channels.delete.text", c.name()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("channels.cancel"));
        confirm.setConfirmText(getTranslation("channels.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            try {
                channels.delete(c.id());
            } catch (BackendException x) {
                showMessage(x);
                return;
            }
            if (shown != null && shown.id() == c.id()) {
                shown = null;
                log.setVisible(false);
                logTitle.setVisible(false);
            }
            notifySuccess("channels.deleted");
            refresh();
        });
        confirm.open();
    }

    private void showMessage(BackendException e) {
        message.setText(errors.describe(e, getLocale()));
        message.setVisible(true);
    }

    private void notifySuccess(String key) {
        Notification note = Notification.show(getTranslation(key), 3000, Notification.Position.BOTTOM_END);
        note.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
