package org.kbportal.ui.question;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.kbportal.ui.client.ExpertEvent;
import org.kbportal.ui.client.ExpertEventStream;
import org.kbportal.ui.session.CurrentUser;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;

/**
 * Live events for the signed-in expert, pushed to the browser (Vaadin {@code @Push}): one backend
 * event stream per Vaadin session, shared by every open tab and component that listens (the
 * workbench, the notification bell), opened by the first listener and closed with the last one.
 * Listeners run inside {@link UI#access}, so they may change components and call the backend
 * clients as the signed-in user.
 */
@Component
public class ExpertFeed {

    private final ExpertEventStream stream;
    private final CurrentUser user;

    ExpertFeed(ExpertEventStream stream, CurrentUser user) {
        this.stream = stream;
        this.user = user;
    }

    /**
     * Calls {@code onEvent} in {@code ui} for every event of the signed-in expert, and with
     * {@code null} after each (re)connection (time to reload). Call from the UI thread; nothing
     * happens unless an expert or administrator is signed in.
     */
    public Registration listen(UI ui, Consumer<ExpertEvent> onEvent) {
        if (!user.isExpert()) {
            return () -> {};
        }
        String token = user.currentToken().orElseThrow();
        VaadinSession session = ui.getSession();
        SessionFeed feed = session.getAttribute(SessionFeed.class);
        if (feed == null || !feed.token.equals(token)) {
            if (feed != null) {
                feed.close();
            }
            feed = new SessionFeed(token);
            session.setAttribute(SessionFeed.class, feed);
        }
        Listener listener = new Listener(ui, onEvent);
        SessionFeed joined = feed;
        joined.add(listener);
        return () -> {
            if (joined.remove(listener)) {
                session.access(() -> {
                    if (session.getAttribute(SessionFeed.class) == joined) {
                        session.setAttribute(SessionFeed.class, null);
                    }
                });
            }
        };
    }

    private record Listener(UI ui, Consumer<ExpertEvent> onEvent) {

        void deliver(ExpertEvent event) {
            try {
                ui.access(() -> onEvent.accept(event));
            } catch (UIDetachedException e) {
                // the tab is gone; its detach listener removes this listener
            }
        }
    }

    /** The one backend stream of a session and who listens to it. */
    private final class SessionFeed {

        final String token;
        final List<Listener> listeners = new CopyOnWriteArrayList<>();
        private Disposable connection;

        SessionFeed(String token) {
            this.token = token;
        }

        synchronized void add(Listener l) {
            listeners.add(l);
            if (connection == null) {
                connection = stream.subscribe(
                        token,
                        e -> listeners.forEach(x -> x.deliver(e)),
                        () -> listeners.forEach(x -> x.deliver(null)));
            }
        }

        /** @return whether that was the last listener (the stream is closed then) */
        synchronized boolean remove(Listener l) {
            listeners.remove(l);
            if (listeners.isEmpty()) {
                close();
                return true;
            }
            return false;
        }

        synchronized void close() {
            if (connection != null) {
                connection.dispose();
                connection = null;
            }
        }
    }
}
