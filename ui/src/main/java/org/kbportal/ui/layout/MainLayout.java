package org.kbportal.ui.layout;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Locale;
import org.kbportal.ui.client.AuthClient;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.LoginResult;
import org.kbportal.ui.client.NotificationClient;
import org.kbportal.ui.i18n.KbI18NProvider;
import org.kbportal.ui.navigation.Routes;
import org.kbportal.ui.notify.NotificationBell;
import org.kbportal.ui.question.ExpertFeed;
import org.kbportal.ui.session.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frame around every page ({@link Layout}, so routes need not name it): product name, the
 * links the user's role allows, the language switch and the login state.
 */
@Layout
public class MainLayout extends AppLayout
        implements AfterNavigationObserver, com.vaadin.flow.router.BeforeEnterObserver {

    private static final Logger log = LoggerFactory.getLogger(MainLayout.class);

    private final CurrentUser user;
    private final AuthClient auth;
    private final Nav nav = new Nav();
    private final Nav adminNav = new Nav();
    private final DrawerToggle adminToggle = new DrawerToggle();
    private Boolean showingAdmin;
    private final Div account = new Div();
    private final NotificationBell bell;
    private String currentPath = "";

    MainLayout(CurrentUser user, AuthClient auth, NotificationClient notifications, ExpertFeed feed) {
        this.user = user;
        this.auth = auth;
        this.bell = new NotificationBell(notifications, user, feed);
        addClassName("kb-shell");

        Anchor brand = Routes.link(Routes.SEARCH, getTranslation("app.name"));
        brand.setId("app-name");
        brand.addClassName("kb-brand");
        nav.addClassName("kb-nav");
        account.addClassName("kb-account");

        Button language = new Button(getTranslation("lang.switch"), e -> switchLanguage());
        language.setId("lang-switch");
        language.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        language.getElement().setAttribute("title", getTranslation("lang.switch.tooltip"));
        language.getElement().setAttribute("aria-label", getTranslation("lang.switch.tooltip"));

        // the admin's pages live in a side drawer, grouped: thirteen links do not fit a header
        adminNav.setId("admin-nav");
        adminNav.addClassName("kb-side-nav");
        adminNav.getElement().setAttribute("aria-label", getTranslation("nav.admin-menu"));
        addToDrawer(adminNav);
        adminToggle.setId("admin-menu-toggle");
        adminToggle.getElement().setAttribute("aria-label", getTranslation("nav.admin-menu"));
        adminToggle.getElement().setAttribute("title", getTranslation("nav.admin-menu"));
        adminToggle.setVisible(false);

        Div spacer = new Div();
        spacer.addClassName("kb-spacer");
        Div header = new Div(adminToggle, brand, nav, spacer, language, bell, account);
        header.addClassName("kb-header");
        addToNavbar(header);
    }

    /**
     * An account whose password an administrator set (or that expired) changes it first: the backend answers
     * nothing else, so every page but the change page sends the user there.
     */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        String path = event.getLocation().getPath();
        if (user.mustChangePassword() && !path.equals(Routes.PASSWORD) && !path.equals(Routes.LOGIN)) {
            event.forwardTo(Routes.PASSWORD);
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        currentPath = event.getLocation().getPathWithQueryParameters();
        renderNav(event.getLocation().getPath());
        renderAccount();
        bell.refresh();
        // lets the browser pick CJK or Latin fonts and screen readers the right voice
        getElement().executeJs("document.documentElement.lang = $0", getLocale().toLanguageTag());
    }

    /**
     * The administrative pages in navigation order: group key, route, label key, element id (browser tests use the
     * ids) and the role that sees it (separation of duties: the system administrator's pages, the auditor's).
     */
    private record AdminPage(String group, String route, String key, String id, String role) {

        AdminPage(String group, String route, String key, String id) {
            this(group, route, key, id, LoginResult.ADMIN);
        }
    }

    private static final List<AdminPage> ADMIN_PAGES = List.of(
            new AdminPage("nav.group-content", Routes.ADMIN_ARTICLES, "nav.admin-articles", "nav-admin"),
            new AdminPage("nav.group-content", Routes.ADMIN_MANUALS, "nav.admin-manuals", "nav-admin-manuals"),
            new AdminPage("nav.group-content", Routes.ADMIN_REVIEW, "nav.admin-review", "nav-admin-review"),
            new AdminPage("nav.group-content", Routes.ADMIN_CATEGORIES, "nav.admin-categories", "nav-admin-categories"),
            new AdminPage("nav.group-content", Routes.ADMIN_FEEDBACK, "nav.admin-feedback", "nav-admin-feedback"),
            new AdminPage("nav.group-search", Routes.ADMIN_SYNONYMS, "nav.admin-synonyms", "nav-admin-synonyms"),
            new AdminPage("nav.group-search", Routes.ADMIN_INDEX, "nav.admin-index", "nav-admin-index"),
            new AdminPage("nav.group-service", Routes.ADMIN_DUTY, "nav.admin-duty", "nav-admin-duty"),
            new AdminPage("nav.group-service", Routes.ADMIN_EXPERTS, "nav.admin-experts", "nav-admin-experts"),
            new AdminPage("nav.group-service", Routes.ADMIN_SLA, "nav.admin-sla", "nav-admin-sla"),
            new AdminPage("nav.group-service", Routes.ADMIN_CHANNELS, "nav.admin-channels", "nav-admin-channels"),
            new AdminPage("nav.group-operations", Routes.ADMIN_REPORTS, "nav.admin-reports", "nav-admin-reports"),
            new AdminPage("nav.group-operations", Routes.ADMIN_BACKUPS, "nav.admin-backups", "nav-admin-backups"),
            new AdminPage(
                    "nav.group-accounts",
                    Routes.ADMIN_DIRECTORY,
                    "nav.admin-directory",
                    "nav-admin-directory",
                    LoginResult.SECURITY_ADMIN),
            new AdminPage(
                    "nav.group-audit", Routes.ADMIN_AUDIT, "nav.admin-audit", "nav-admin-audit", LoginResult.AUDITOR));

    private void renderNav(String path) {
        nav.removeAll();
        nav.add(navLink(Routes.SEARCH, "nav.search", "nav-search", path.isEmpty() || path.startsWith(Routes.ARTICLE)));
        if (user.isSignedIn()) {
            nav.add(
                    navLink(Routes.ASK, "nav.ask", "nav-ask", isUnder(path, Routes.ASK)),
                    navLink(Routes.QUESTIONS, "nav.mine", "nav-mine", isUnder(path, Routes.QUESTIONS)));
        }
        if (user.isExpert()) {
            nav.add(navLink(Routes.WORKBENCH, "nav.workbench", "nav-workbench", isUnder(path, Routes.WORKBENCH)));
        }
        renderAdminNav(path);
        if (!user.isAdmin() && user.isExpert()) {
            // authors write drafts and submit them for review
            nav.add(navLink(Routes.editor(null), "nav.new-draft", "nav-new-draft", isUnder(path, Routes.ADMIN_EDITOR)));
        }
    }

    private void renderAdminNav(String path) {
        List<AdminPage> pages =
                ADMIN_PAGES.stream().filter(p -> user.hasRole(p.role())).toList();
        boolean admin = !pages.isEmpty();
        adminNav.removeAll();
        adminToggle.setVisible(admin);
        if (admin) {
            String group = null;
            for (AdminPage page : pages) {
                if (!page.group().equals(group)) {
                    group = page.group();
                    Span heading = new Span(getTranslation(group));
                    heading.addClassName("kb-side-nav-group");
                    adminNav.add(heading);
                }
                adminNav.add(navLink(page.route(), page.key(), page.id(), isUnder(path, page.route())));
            }
        }
        // nobody else has a drawer; an admin's opens when the role appears on a wide screen (a fresh page
        // keeps the component's own default: open on wide screens, closed on narrow ones); after that the
        // admin decides
        if (!admin) {
            setDrawerOpened(false);
        } else if (Boolean.FALSE.equals(showingAdmin)) {
            setDrawerOpened(!isOverlay());
        }
        showingAdmin = admin;
    }

    private static boolean isUnder(String path, String section) {
        return path.equals(section) || path.startsWith(section + "/");
    }

    private Anchor navLink(String path, String key, String id, boolean active) {
        Anchor link = Routes.link(path, getTranslation(key));
        link.setId(id);
        link.addClassName("kb-nav-link");
        if (active) {
            link.addClassName("active");
            link.getElement().setAttribute("aria-current", "page");
        }
        return link;
    }

    private void renderAccount() {
        account.removeAll();
        user.get()
                .ifPresentOrElse(
                        login -> {
                            Span name = new Span(VaadinIcon.USER.create(), new Span(login.name()));
                            name.setId("current-user");
                            name.addClassName("kb-user");
                            Anchor password = Routes.link(Routes.PASSWORD, getTranslation("nav.change-password"));
                            password.setId("change-password-link");
                            password.addClassName("kb-nav-link");
                            // an icon with its words; phones show the icon only (the header is short of room)
                            Anchor preferences = new Anchor(
                                    Routes.ACCOUNT_NOTIFICATIONS,
                                    VaadinIcon.COG_O.create(),
                                    new Span(getTranslation("nav.notification-settings")));
                            preferences.getElement().setAttribute("router-link", true);
                            preferences
                                    .getElement()
                                    .setAttribute("aria-label", getTranslation("nav.notification-settings"));
                            preferences.getElement().setAttribute("title", getTranslation("nav.notification-settings"));
                            preferences.setId("notification-settings-link");
                            preferences.addClassNames("kb-nav-link", "kb-prefs-link");
                            // a separate item: #current-user keeps showing just the name
                            Anchor mfa = Routes.link(Routes.ACCOUNT_MFA, getTranslation("nav.mfa"));
                            mfa.setId("mfa-link");
                            mfa.addClassName("kb-nav-link");
                            Button logout = new Button(getTranslation("nav.logout"), e -> signOut(login));
                            logout.setId("logout-button");
                            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                            account.add(name, preferences, password, mfa, logout);
                        },
                        () -> {
                            Anchor login = new Anchor(loginHref(), getTranslation("nav.login"));
                            login.getElement().setAttribute("router-link", true);
                            login.setId("login-link");
                            login.addClassName("kb-nav-link");
                            account.add(login);
                        });
    }

    private String loginHref() {
        if (currentPath.isEmpty() || currentPath.startsWith(Routes.LOGIN)) {
            return Routes.LOGIN;
        }
        return Routes.LOGIN + "?" + Routes.loginReturningTo(currentPath).getQueryString();
    }

    private void signOut(LoginResult login) {
        try {
            auth.logout(login.token());
        } catch (BackendException e) {
            // the token dies with its expiry anyway; the user wants out now
            log.info("Logout at the backend failed: {}", e.getMessage());
        }
        // the HTTP session ends too; a full page load starts a fresh one (the page may show
        // drafts or admin buttons, so it is loaded again even where a reader may stay)
        UI ui = UI.getCurrent();
        java.util.Optional<String> provider = user.providerLogout();
        if (provider.isPresent()) {
            // RP-initiated logout: the provider ends its session too and sends the browser back
            user.endSession(ui, provider.get());
            return;
        }
        if (currentPath.startsWith("admin")
                || currentPath.startsWith(Routes.ASK)
                || currentPath.startsWith(Routes.QUESTIONS)
                || currentPath.startsWith(Routes.WORKBENCH)
                || currentPath.startsWith(Routes.NOTIFICATIONS)
                || currentPath.startsWith(Routes.ACCOUNT_NOTIFICATIONS)) {
            user.endSession(ui, Routes.SEARCH);
        } else {
            user.endSession(ui, currentPath);
        }
    }

    private void switchLanguage() {
        Locale next = KbI18NProvider.isEnglish(getLocale()) ? KbI18NProvider.CHINESE : KbI18NProvider.ENGLISH;
        VaadinSession.getCurrent().setLocale(next);
        UI ui = UI.getCurrent();
        ui.setLocale(next);
        // an explicit choice outlives the session (SessionInitializer reads it back)
        ui.getPage()
                .executeJs(
                        "document.cookie = $0 + '=' + $1 + '; path=/; max-age=31536000; SameSite=Lax'",
                        SessionInitializer.LANGUAGE_COOKIE,
                        next.getLanguage());
        // rebuilds layout and view with the new texts; query parameters keep the page's state
        ui.refreshCurrentRoute(true);
    }
}
