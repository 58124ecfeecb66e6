package org.kbportal.ui.account;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import java.util.Optional;
import org.kbportal.ui.client.AuthClient;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.OidcSignIn;
import org.kbportal.ui.i18n.ErrorMessages;
import org.kbportal.ui.navigation.Routes;
import org.kbportal.ui.session.CurrentUser;

/**
 * Where the organisation's sign-in provider sends the browser back ({@code /login/oidc?code=&state=}):
 * the backend exchanges the code and validates the ID token; signed in, the user goes where they were
 * going, refused (no access, an expired or replayed sign-in, the provider's own error) they read why.
 */
@Route(OidcCallbackView.ROUTE)
class OidcCallbackView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "login/oidc";
    static final String RETURN_TO = "kb.oidc.return-to";

    private final AuthClient auth;
    private final CurrentUser user;
    private final ErrorMessages errors;
    private final Div error = new Div();

    OidcCallbackView(AuthClient auth, CurrentUser user, ErrorMessages errors) {
        this.auth = auth;
        this.user = user;
        this.errors = errors;
        addClassName("kb-login");
        setAlignItems(Alignment.CENTER);
        error.setId("oidc-error");
        error.addClassName("kb-error");
        Anchor again = new Anchor(Routes.LOGIN, getTranslation("login.oidc.again"));
        again.setId("oidc-again");
        Div card = new Div(new H1(getTranslation("login.title")), error, again);
        card.addClassName("kb-login-card");
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters q = event.getLocation().getQueryParameters();
        Optional<String> code = q.getSingleParameter("code");
        Optional<String> state = q.getSingleParameter("state");
        if (code.isEmpty() || state.isEmpty()) {
            // the provider's own refusal (error=access_denied, ...) or a bare visit
            error.setText(getTranslation("login.oidc.cancelled"));
            return;
        }
        try {
            OidcSignIn signedIn = auth.oidcCallback(code.get(), state.get());
            user.signIn(signedIn.login());
            if (signedIn.logoutUri() != null) {
                user.rememberProviderLogout(signedIn.logoutUri());
            }
        } catch (BackendException e) {
            error.setText(errors.describe(e, getLocale()));
            return;
        }
        Object to = VaadinSession.getCurrent().getAttribute(RETURN_TO);
        VaadinSession.getCurrent().setAttribute(RETURN_TO, null);
        String target = to instanceof String s && Routes.isSafeRedirect(s) ? s : Routes.SEARCH;
        Routes.forward(event, target);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · " + getTranslation("app.name");
    }
}
