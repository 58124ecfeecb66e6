package org.kbportal.ui.session;

import com.vaadin.flow.router.BeforeEnterEvent;
import org.kbportal.ui.navigation.Routes;

/**
 * The guard of the administration pages (and of the pages for signed-in users and experts). The backend checks the role again on every call; this
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
        if (!checkSignedIn(event, user)) {
            return false;
        }
        if (!user.isAdmin()) {
            String path = event.getLocation().getPath();
            event.rerouteToError(new AccessDeniedException(path), path);
            return false;
        }
        return true;
    }

    /**
     * Lets holders of {@code role} through (the auditor's pages: {@code AUDITOR}), like {@link #check} does
     * administrators; separation of duties means an ADMIN does not pass a guard for another role.
     *
     * @return whether the page may be shown
     */
    public static boolean checkRole(BeforeEnterEvent event, CurrentUser user, String role) {
        if (!checkSignedIn(event, user)) {
            return false;
        }
        if (!user.hasRole(role)) {
            String path = event.getLocation().getPath();
            event.rerouteToError(new AccessDeniedException(path), path);
            return false;
        }
        return true;
    }

    /**
     * Lets signed-in users through and sends anonymous ones to the login page, returning here
     * afterwards.
     *
     * @return whether the page may be shown
     */
    public static boolean checkSignedIn(BeforeEnterEvent event, CurrentUser user) {
        if (!user.isSignedIn()) {
            event.forwardTo(
                    Routes.LOGIN, Routes.loginReturningTo(event.getLocation().getPathWithQueryParameters()));
            return false;
        }
        return true;
    }

    /**
     * Lets experts and administrators through, like {@link #check} does administrators.
     *
     * @return whether the page may be shown
     */
    public static boolean checkExpert(BeforeEnterEvent event, CurrentUser user) {
        if (!checkSignedIn(event, user)) {
            return false;
        }
        if (!user.isExpert()) {
            String path = event.getLocation().getPath();
            event.rerouteToError(new AccessDeniedException(path), path);
            return false;
        }
        return true;
    }
}
