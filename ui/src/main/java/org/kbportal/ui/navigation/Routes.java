package org.kbportal.ui.navigation;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.UriUtils;

/**
 * The portal's route paths in one place. Features link to each other through these strings rather
 * than view classes, so views stay package-private and feature packages do not depend on each
 * other in circles (the search links to articles, the article page links to the editor, ...).
 */
public final class Routes {

    public static final String SEARCH = "";
    public static final String LOGIN = "login";
    public static final String ACCOUNT_MFA = "account/mfa";
    public static final String ARTICLE = "article";
    public static final String ADMIN_ARTICLES = "admin/articles";
    public static final String ADMIN_EDITOR = "admin/articles/edit";
    public static final String ADMIN_SYNONYMS = "admin/synonyms";
    public static final String ADMIN_INDEX = "admin/index";
    public static final String ADMIN_REVIEW = "admin/review";
    public static final String ADMIN_FEEDBACK = "admin/feedback";
    public static final String ADMIN_CATEGORIES = "admin/categories";
    public static final String ADMIN_REPORTS = "admin/reports";
    public static final String ADMIN_BACKUPS = "admin/backups";
    public static final String ADMIN_AUDIT = "admin/audit";
    public static final String ADMIN_DIRECTORY = "admin/directory";
    public static final String ADMIN_CHANNELS = "admin/channels";
    public static final String ADMIN_MANUALS = "admin/manuals";
    public static final String DIFF = "diff";
    public static final String ASK = "ask";
    public static final String QUESTIONS = "questions";
    public static final String WORKBENCH = "workbench";
    public static final String NOTIFICATIONS = "notifications";
    public static final String ADMIN_DUTY = "admin/duty";
    public static final String ADMIN_SLA = "admin/sla";
    public static final String ADMIN_EXPERTS = "admin/experts";
    public static final String PASSWORD = "account/password";
    public static final String ACCOUNT_NOTIFICATIONS = "account/notifications";

    /** Query parameter of the login page: where to go after signing in. */
    public static final String REDIRECT_PARAM = "redirect";

    /** On the login page: the session was ended for inactivity ({@code login?idle}). */
    public static final String IDLE_PARAM = "idle";

    private Routes() {}

    /** The page of an article or of a manual section ({@code MANUAL-ID~3}). */
    public static String article(String id) {
        return ARTICLE + "/" + UriUtils.encodePathSegment(id, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The editor for an existing article, or for a new one when {@code id} is null. */
    public static String editor(String id) {
        return id == null
                ? ADMIN_EDITOR
                : ADMIN_EDITOR + "/" + UriUtils.encodePathSegment(id, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The difference between two versions of an article. */
    public static String diff(String id, int from, int to) {
        return DIFF + "/" + UriUtils.encodePathSegment(id, java.nio.charset.StandardCharsets.UTF_8) + "?from=" + from
                + "&to=" + to;
    }

    /** The page of one question. */
    public static String question(long id) {
        return QUESTIONS + "/" + id;
    }

    /** The search page for some words. */
    public static String search(String words) {
        return SEARCH + "?" + QueryParameters.simple(Map.of("q", words)).getQueryString();
    }

    /** A link to the login page that comes back to {@code returnTo} afterwards. */
    public static String loginTo(String returnTo) {
        return LOGIN + "?" + loginReturningTo(returnTo).getQueryString();
    }

    /** The login page, coming back to {@code returnTo} afterwards. */
    public static QueryParameters loginReturningTo(String returnTo) {
        return returnTo == null || returnTo.isBlank()
                ? QueryParameters.empty()
                : new QueryParameters(Map.of(REDIRECT_PARAM, List.of(returnTo)));
    }

    /**
     * Whether a redirect target is a path inside the portal. Anything with a scheme or starting
     * with {@code //} could send a freshly signed-in user to another site.
     */
    public static boolean isSafeRedirect(String target) {
        if (target == null || target.isBlank()) {
            return false;
        }
        String t = target.strip();
        return !t.startsWith("/")
                && !t.startsWith("\\")
                && !t.contains("://")
                && !t.contains("\\")
                && !t.regionMatches(true, 0, "javascript:", 0, 11)
                && !t.startsWith(LOGIN);
    }

    /** Navigates to a path that may carry a query string ({@code UI.navigate(String)} would not parse it). */
    public static void navigate(UI ui, String pathWithQuery) {
        Location target = new Location(pathWithQuery);
        ui.navigate(target.getPath(), target.getQueryParameters());
    }

    /** Forwards a navigation to a path that may carry a query string. */
    public static void forward(BeforeEvent event, String pathWithQuery) {
        Location target = new Location(pathWithQuery);
        event.forwardTo(target.getPath(), target.getQueryParameters());
    }

    /**
     * An anchor that navigates inside the single-page application (no full page load), the same
     * way a {@code RouterLink} does, but by path.
     */
    public static Anchor link(String path, String text) {
        Anchor anchor = new Anchor(path, text);
        anchor.getElement().setAttribute("router-link", true);
        return anchor;
    }
}
