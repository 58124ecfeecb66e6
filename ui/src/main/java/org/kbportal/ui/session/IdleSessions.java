package org.kbportal.ui.session;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.kbportal.ui.client.AuthClient;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.LoginResult;
import org.kbportal.ui.navigation.Routes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Ends signed-in sessions after {@code kb.ui.session.idle-timeout} without a user interaction
 * ({@link UserActivityFilter}), whatever heartbeats and push do: a sweep signs the session out,
 * revokes its token at the backend, sends every open tab to {@code login?idle} over the push
 * channel and marks the HTTP session, which is invalidated by its next request (the tab following
 * the redirect) or a few seconds later.
 */
@Component
class IdleSessions implements VaadinServiceInitListener, DisposableBean {

    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(IdleSessions.class);
    private static final Duration INVALIDATE_AFTER = Duration.ofSeconds(5);

    private final transient Set<VaadinSession> sessions = ConcurrentHashMap.newKeySet();
    private final transient ScheduledExecutorService sweeper;
    private final transient AuthClient auth;
    private final transient Clock clock;
    private final Duration timeout;
    private final String loginUrl;

    IdleSessions(
            SessionProperties props,
            AuthClient auth,
            Clock clock,
            @Value("${server.servlet.context-path:}") String contextPath) {
        this.auth = auth;
        this.clock = clock;
        this.timeout = props.idleTimeout();
        this.loginUrl = contextPath + "/" + Routes.LOGIN + "?" + Routes.IDLE_PARAM;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kb-idle-sessions");
            t.setDaemon(true);
            return t;
        });
        // often enough that a session ends at most a quarter of the timeout late
        long every = Math.clamp(timeout.toMillis() / 4, 250, 15_000);
        sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> {
            sessions.add(init.getSession());
            init.getSession().getSession().setAttribute(UserActivityFilter.LAST_INTERACTION, clock.millis());
        });
        event.getSource().addSessionDestroyListener(destroy -> sessions.remove(destroy.getSession()));
    }

    private void sweep() {
        long now = clock.millis();
        for (VaadinSession session : sessions) {
            try {
                WrappedSession http = session.getSession();
                Object last = http == null ? null : http.getAttribute(UserActivityFilter.LAST_INTERACTION);
                if (http == null) {
                    sessions.remove(session);
                } else if (last instanceof Long millis
                        && now - millis > timeout.toMillis()
                        && http.getAttribute(UserActivityFilter.ENDED) == null) {
                    session.access(() -> end(session, http));
                }
            } catch (IllegalStateException e) {
                sessions.remove(session); // invalidated
            } catch (RuntimeException e) {
                log.warn("Idle session sweep failed", e);
            }
        }
    }

    /** Runs with the session locked. Anonymous sessions have nothing to end. */
    private void end(VaadinSession session, WrappedSession http) {
        LoginResult login = session.getAttribute(LoginResult.class);
        if (login == null) {
            return;
        }
        session.setAttribute(LoginResult.class, null);
        http.setAttribute(UserActivityFilter.ENDED, Boolean.TRUE);
        for (UI ui : session.getUIs()) {
            ui.getPage().setLocation(loginUrl);
        }
        log.info("Signed '{}' out after {} without interaction", login.username(), timeout);
        try {
            auth.logout(login.token());
        } catch (BackendException e) {
            log.info("Token revocation at the backend failed: {}", e.getMessage());
        }
        sweeper.schedule(
                () -> {
                    try {
                        if (http.getAttribute(UserActivityFilter.ENDED) != null) {
                            http.invalidate();
                        }
                    } catch (IllegalStateException e) {
                        // the tab's request invalidated it already
                    }
                },
                INVALIDATE_AFTER.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        sweeper.shutdownNow();
    }
}
