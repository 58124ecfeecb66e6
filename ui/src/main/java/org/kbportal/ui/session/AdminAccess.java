package org.kbportal.ui.session;

import com.vaadin.flow.router.BeforeEnterEvent;
import org.kbportal.ui.navigation.Routes;

/**
 * The guard of the administration pages. The backend checks the role again on every call; this
 * only spares users a page full of errors.
 */
public final class AdminAccess {

    private AdminAccess() {}

    /**
     * Lets administrators through; sends anonymous users to the login page (returning here
     * afterwards) and shows others the "forbidden" page.
     *
     * @return whether the page may be shown
     */
    public static boolean check(BeforeEnterEvent event, CurrentUser user) {
        if (!user.isSignedIn()) {
            event.forwardTo(
                    Routes.LOGIN, Routes.loginReturningTo(event.getLocation().getPathWithQueryParameters()));
            return false;
        }
        if (!user.isAdmin()) {
            String path = event.getLocation().getPath();
            event.rerouteToError(new AccessDeniedException(path), path);
            return false;
        }
        return true;
    }
}
