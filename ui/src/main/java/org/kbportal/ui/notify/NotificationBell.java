package org.kbportal.ui.notify;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.shared.Registration;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.NotificationClient;
import org.kbportal.ui.navigation.Routes;
import org.kbportal.ui.question.ExpertFeed;
import org.kbportal.ui.session.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bell in the header: a link to the notifications page with the unread count. Recounted on every
 * navigation and when notifications are marked read; for experts also live on every pushed event.
 */
public class NotificationBell extends Anchor {

    private static final Logger log = LoggerFactory.getLogger(NotificationBell.class);

    private final NotificationClient notifications;
    private final CurrentUser user;
    private final ExpertFeed feed;
    private final Span count = new Span();
    private Registration live;
    private String liveFor = "";
    private Registration marked;

    public NotificationBell(NotificationClient notifications, CurrentUser user, ExpertFeed feed) {
        this.notifications = notifications;
        this.user = user;
        this.feed = feed;
        setHref(Routes.NOTIFICATIONS);
        getElement().setAttribute("router-link", true);
        setId("notification-bell");
        addClassName("kb-bell");
        count.setId("notification-count");
        count.addClassName("kb-bell-count");
        add(VaadinIcon.BELL.create(), count);
    }

    /**
     * Asks the backend for the unread count (nothing when signed out) and, for an expert, listens to
     * the live events; called after every navigation, so it follows sign-in and sign-out.
     */
    public void refresh() {
        String who = user.username();
        if (!who.equals(liveFor)) {
            stopLive();
            if (user.isExpert()) {
                getUI().ifPresent(ui -> live = feed.listen(ui, e -> recount()));
                liveFor = who;
            }
        }
        recount();
    }

    private void recount() {
        if (!user.isSignedIn()) {
            setVisible(false);
            return;
        }
        setVisible(true);
        long unread;
        try {
            unread = notifications.unreadCount();
        } catch (BackendException e) {
            // the bell is decoration: a failing count must not break the page
            log.debug("Unread count failed: {}", e.getMessage());
            return;
        }
        count.setText(unread > 99 ? "99+" : String.valueOf(unread));
        count.setVisible(unread > 0);
        getElement().setAttribute("data-unread", String.valueOf(unread));
        String label = getTranslation("notifications.bell", unread);
        getElement().setAttribute("title", label);
        getElement().setAttribute("aria-label", label);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        marked = ComponentUtil.addListener(event.getUI(), UnreadChanged.class, e -> recount());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopLive();
        if (marked != null) {
            marked.remove();
            marked = null;
        }
        super.onDetach(event);
    }

    private void stopLive() {
        if (live != null) {
            live.remove();
            live = null;
        }
        liveFor = "";
    }
}
