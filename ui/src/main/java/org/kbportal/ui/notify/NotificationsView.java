package org.kbportal.ui.notify;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.Route;
import java.util.List;
import org.kbportal.contract.notify.Notification;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.NotificationClient;
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
 * The signed-in user's notifications ({@code notifications}), newest first: what happened, when, a
 * link to the question (opening it marks the notification read), mark one or all read, and a filter
 * for the unread ones.
 */
@Access(Audience.SIGNED_IN)
@Route(Routes.NOTIFICATIONS)
class NotificationsView extends GuardedPage {

    private final NotificationClient notifications;
    private final DateTimes dates;
    private final CurrentUser user;
    private final ErrorMessages errors;
    private final ErrorLine message = new ErrorLine("notifications-error");
    private final Div list = new Div();
    private final Checkbox unreadOnly = new Checkbox();

    NotificationsView(NotificationClient notifications, DateTimes dates, CurrentUser user, ErrorMessages errors) {
        super("notifications.title");
        this.notifications = notifications;
        this.dates = dates;
        this.user = user;
        this.errors = errors;
        addClassName("kb-admin-page");
    }

    @Override
    protected void build() {
        Button readAll = new Button(getTranslation("notifications.read-all"), VaadinIcon.CHECK_SQUARE_O.create());
        readAll.setId("notifications-read-all");
        readAll.addClickListener(e -> act(notifications::markAllRead));
        com.vaadin.flow.component.html.Anchor settings =
                Routes.link(Routes.ACCOUNT_NOTIFICATIONS, getTranslation("notifications.settings"));
        settings.setId("notifications-settings");
        Div tools = new Div(settings, readAll);
        tools.addClassName("kb-top-tools");
        Div top = PageParts.top(getTranslation("notifications.title"), tools);
        Fields.labelled(unreadOnly, "notifications-unread-only", getTranslation("notifications.unread-only"));
        unreadOnly.addValueChangeListener(e -> refresh());
        list.setId("notifications-list");
        list.addClassName("kb-notifications");
        add(top, unreadOnly, message, list);
    }

    @Override
    protected void refresh() {
        List<Notification> all;
        try {
            all = notifications.list(unreadOnly.getValue());
        } catch (BackendException e) {
            message.show(errors.describe(e, getLocale()));
            return;
        }
        message.hide();
        list.removeAll();
        if (all.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("notifications.empty"));
            empty.setId("notifications-empty");
            list.add(empty);
        }
        all.forEach(n -> list.add(item(n)));
    }

    private Div item(Notification n) {
        Span kind = new Span(getTranslation("notifications.kind." + n.kind()));
        kind.addClassNames("kb-badge", "kb-notification-kind");
        Span when = new Span(dates.format(n.createdAt()));
        when.addClassName("kb-notification-time");
        Div item = new Div(kind, when);
        item.addClassName("notification-item");
        item.getElement().setAttribute("data-id", String.valueOf(n.id()));
        item.getElement().setAttribute("data-unread", String.valueOf(n.unread()));
        if (n.unread()) {
            item.addClassName("unread");
        }
        if (n.questionId() != null) {
            Button open = new Button(n.message(), e -> open(n));
            open.setId("notification-open-" + n.id());
            open.addClassName("notification-open");
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            item.add(open);
        } else {
            item.add(new Span(n.message()));
        }
        if (n.unread()) {
            Button read = new Button(
                    getTranslation("notifications.mark-read"), e -> act(() -> notifications.markRead(n.id())));
            read.setId("notification-read-" + n.id());
            read.addClassName("notification-read");
            read.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            item.add(read);
        }
        return item;
    }

    private void open(Notification n) {
        if (n.unread()) {
            try {
                notifications.markRead(n.id());
            } catch (BackendException e) {
                // opening the question matters more than the read mark
            }
        }
        UI.getCurrent().navigate(Routes.question(n.questionId()));
    }

    private void act(Runnable call) {
        try {
            call.run();
        } catch (BackendException e) {
            message.show(errors.describe(e, getLocale()));
            return;
        }
        UnreadChanged.fire(UI.getCurrent());
        refresh();
    }
}
