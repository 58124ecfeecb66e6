package org.kbportal.ui.session;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Optional;
import org.kbportal.ui.client.LoginResult;
import org.kbportal.ui.navigation.Routes;
import org.springframework.stereotype.Component;

/**
 * The access check of every navigation, before the page is built (so nothing asks the backend for
 * someone who may not see it): a page's {@link Access} decides; anonymous users go to the login page
 * (returning afterwards), signed-in users outside the audience see the "forbidden" page, and an
 * account whose password must change goes to the change page first (the backend answers nothing else).
 * A route without {@link Access} is shown to nobody.
 */
@Component
class AccessControl implements VaadinServiceInitListener {

    private static final long serialVersionUID = 1L;

    /** What a navigation leads to. */
    enum Decision {
        ENTER,
        LOGIN,
        CHANGE_PASSWORD,
        FORBIDDEN
    }

    private final transient CurrentUser user;

    AccessControl(CurrentUser user) {
        this.user = user;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::check));
    }

    private void check(BeforeEnterEvent event) {
        String path = event.getLocation().getPath();
        switch (decide(event.getNavigationTarget(), path, user.get())) {
            case ENTER -> {}
            case LOGIN ->
                event.forwardTo(
                        Routes.LOGIN,
                        Routes.loginReturningTo(event.getLocation().getPathWithQueryParameters()));
            case CHANGE_PASSWORD -> event.forwardTo(Routes.PASSWORD);
            case FORBIDDEN -> event.rerouteToError(new AccessDeniedException(path), path);
        }
    }

    /**
     * The decision for a navigation to {@code target} (a route, or an error page, which anyone may see)
     * at {@code path} by the given login, if any.
     */
    static Decision decide(Class<?> target, String path, Optional<LoginResult> login) {
        if (!target.isAnnotationPresent(Route.class)) {
            return decide(Audience.EVERYONE, path, login);
        }
        Access access = target.getAnnotation(Access.class);
        return decide(access == null ? null : access.value(), path, login);
    }

    /**
     * The decision for a navigation to a page for {@code audience} (null: a route that declares none, shown
     * to nobody) at {@code path} by the given login, if any.
     */
    static Decision decide(Audience audience, String path, Optional<LoginResult> login) {
        if (login.isPresent()
                && login.get().passwordChangeRequired()
                && !path.equals(Routes.PASSWORD)
                && !path.equals(Routes.LOGIN)) {
            return Decision.CHANGE_PASSWORD;
        }
        if (audience == null) {
            return Decision.FORBIDDEN;
        }
        if (audience == Audience.EVERYONE) {
            return Decision.ENTER;
        }
        if (login.isEmpty()) {
            return Decision.LOGIN;
        }
        return audience.admits(login.get()) ? Decision.ENTER : Decision.FORBIDDEN;
    }
}
