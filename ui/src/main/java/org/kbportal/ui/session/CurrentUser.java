package org.kbportal.ui.session;

import com.vaadin.flow.server.VaadinSession;
import java.time.Clock;
import java.util.Optional;
import org.kbportal.ui.client.LoginResult;
import org.kbportal.ui.client.TokenSource;
import org.springframework.stereotype.Component;

/**
 * Who is signed in, kept in the {@link VaadinSession} (so each browser session has its own login
 * and the token never reaches the browser). Also the clients' {@link TokenSource}.
 */
@Component
public class CurrentUser implements TokenSource {

    private final Clock clock;

    public CurrentUser(Clock clock) {
        this.clock = clock;
    }

    /** The login of this session, unless absent or expired. */
    public Optional<LoginResult> get() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null) {
            return Optional.empty();
        }
        LoginResult login = session.getAttribute(LoginResult.class);
        if (login != null && login.isExpiredAt(clock.instant())) {
            // an expired token would make even public reads fail with 401: drop it quietly
            session.setAttribute(LoginResult.class, null);
            return Optional.empty();
        }
        return Optional.ofNullable(login);
    }

    public boolean isSignedIn() {
        return get().isPresent();
    }

    public boolean isAdmin() {
        return get().map(LoginResult::isAdmin).orElse(false);
    }

    /** Whether the signed-in user must change the password before anything else. */
    public boolean mustChangePassword() {
        return get().map(LoginResult::passwordChangeRequired).orElse(false);
    }

    /** Records that the signed-in user changed the password (the token stays). */
    public void passwordChanged() {
        get().ifPresent(l -> requireSession().setAttribute(LoginResult.class, l.withPasswordChanged()));
    }

    /** Whether the signed-in user holds the role (e.g. {@link LoginResult#AUDITOR}). */
    public boolean hasRole(String role) {
        return get().map(l -> l.hasRole(role)).orElse(false);
    }

    /** Whether the user works on questions: an expert or an administrator. */
    public boolean isExpert() {
        return get().map(l -> l.hasRole(LoginResult.EXPERT) || l.isAdmin()).orElse(false);
    }

    /** The login name, or empty when nobody is signed in. */
    public String username() {
        return get().map(LoginResult::username).orElse("");
    }

    /**
     * A random id of this browser session, sent with anonymous feedback so the backend counts one
     * vote per visitor.
     */
    public String visitorId() {
        VaadinSession session = requireSession();
        Object id = session.getAttribute("kb.visitor");
        if (id == null) {
            id = java.util.UUID.randomUUID().toString();
            session.setAttribute("kb.visitor", id);
        }
        return (String) id;
    }

    /**
     * Remembers a fresh login for this session, under a new HTTP session id: an id planted in the
     * browser before (session fixation) does not carry the login.
     */
    public void signIn(LoginResult login) {
        VaadinSession session = requireSession();
        if (com.vaadin.flow.server.VaadinRequest.getCurrent()
                instanceof com.vaadin.flow.server.VaadinServletRequest request) {
            request.getHttpServletRequest().changeSessionId();
        }
        session.getSession().setAttribute(UserActivityFilter.LAST_INTERACTION, clock.millis());
        session.setAttribute(LoginResult.class, login);
    }

    /**
     * Signs out and ends the HTTP session; the browser is sent to {@code location} (a path under the
     * application's root, or the single sign-on provider's absolute logout URI) with a full page load, which starts a fresh session.
     */
    public void endSession(com.vaadin.flow.component.UI ui, String location) {
        signOut();
        String root = ui.getSession().getService() instanceof com.vaadin.flow.server.VaadinServletService s
                ? s.getServlet().getServletContext().getContextPath()
                : "";
        ui.getPage()
                .setLocation(
                        location.startsWith("https://") || location.startsWith("http://")
                                ? location
                                : root + "/" + location);
        ui.getSession().getSession().invalidate();
    }

    /** Remembers where to end the single sign-on provider's session on logout (OIDC sign-ins). */
    public void rememberProviderLogout(String logoutUri) {
        requireSession().setAttribute(PROVIDER_LOGOUT, logoutUri);
    }

    /** The provider's logout URI of this session's sign-in, if it came through single sign-on. */
    public Optional<String> providerLogout() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable((String) session.getAttribute(PROVIDER_LOGOUT));
    }

    private static final String PROVIDER_LOGOUT = "kb.oidc.logout";

    /** Forgets the login of this session. */
    public void signOut() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(LoginResult.class, null);
        }
    }

    @Override
    public Optional<String> currentToken() {
        return get().map(LoginResult::token);
    }

    @Override
    public void tokenRejected() {
        signOut();
    }

    private static VaadinSession requireSession() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null) {
            throw new IllegalStateException("No Vaadin session: sign-in works only inside a UI request");
        }
        return session;
    }

    @Override
    public Optional<String> clientAddress() {
        com.vaadin.flow.server.VaadinRequest request = com.vaadin.flow.server.VaadinRequest.getCurrent();
        return request == null ? Optional.empty() : Optional.ofNullable(request.getRemoteAddr());
    }
}
