package org.kbportal.ui.session;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import org.kbportal.ui.client.AuthClient;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.i18n.ErrorMessages;
import org.kbportal.ui.navigation.Routes;

/**
 * Sign-in page. Credentials go to the backend; the token it returns stays in the server-side
 * session. Afterwards the user lands where they came from ({@code ?redirect=}) or on the search.
 */
@Route(Routes.LOGIN)
class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final AuthClient auth;
    private final CurrentUser user;
    private final ErrorMessages errors;

    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final Button login = new Button();
    private final Div error = new Div();
    private String redirect = Routes.SEARCH;

    LoginView(AuthClient auth, CurrentUser user, ErrorMessages errors) {
        this.auth = auth;
        this.user = user;
        this.errors = errors;
        addClassName("kb-login");
        setAlignItems(Alignment.CENTER);

        username.setId("login-username");
        username.setLabel(getTranslation("login.username"));
        username.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.USERNAME);
        username.setAutofocus(true);
        username.setRequiredIndicatorVisible(true);
        username.setWidthFull();
        password.setId("login-password");
        password.setLabel(getTranslation("login.password"));
        password.setRequiredIndicatorVisible(true);
        password.setWidthFull();

        login.setId("login-button");
        login.setText(getTranslation("login.submit"));
        login.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        login.setWidthFull();
        login.addClickShortcut(Key.ENTER);
        login.addClickListener(e -> signIn());

        error.setId("login-error");
        error.addClassName("kb-error");
        error.setVisible(false);

        Div card = new Div(
                new H1(getTranslation("login.title")),
                new Paragraph(getTranslation("login.intro")),
                benefits(),
                username,
                password,
                error,
                login);
        if (auth.oidc().configured()) {
            // single sign-on: the same card, a second way in
            Button sso = new Button(getTranslation("login.oidc"), e -> startOidc());
            sso.setId("login-oidc");
            sso.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
            sso.setWidthFull();
            card.add(sso);
        }
        card.add(new Paragraph(getTranslation("login.help")));
        card.addClassName("kb-login-card");
        add(card);
    }

    /** What an account gives, so a visitor sent here from "ask an expert" knows why. */
    private Div benefits() {
        UnorderedList list = new UnorderedList(
                new ListItem(getTranslation("login.benefit.ask")),
                new ListItem(getTranslation("login.benefit.track")),
                new ListItem(getTranslation("login.benefit.notify")));
        Div box = new Div(new Span(getTranslation("login.benefits")), list);
        box.setId("login-benefits");
        box.addClassName("kb-login-benefits");
        return box;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        redirect = event.getLocation()
                .getQueryParameters()
                .getSingleParameter(Routes.REDIRECT_PARAM)
                .filter(Routes::isSafeRedirect)
                .orElse(Routes.SEARCH);
        if (user.isSignedIn()) {
            Routes.forward(event, redirect);
            return;
        }
        if (event.getLocation().getQueryParameters().getParameters().containsKey(Routes.IDLE_PARAM)) {
            error.setText(getTranslation("login.idle"));
            error.setVisible(true);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · " + getTranslation("app.name");
    }

    private void signIn() {
        String name = username.getValue().strip();
        if (name.isEmpty() || password.isEmpty()) {
            showError(getTranslation("login.missing"));
            return;
        }
        try {
            user.signIn(auth.login(name, password.getValue()));
        } catch (BackendException e) {
            password.clear();
            password.focus();
            showError(errors.describe(e, getLocale()));
            return;
        }
        getUI().ifPresent(ui -> Routes.navigate(ui, redirect));
    }

    /** Sends the browser to the organisation's sign-in provider; it comes back to {@link OidcCallbackView}. */
    private void startOidc() {
        try {
            String back = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(
                            ((com.vaadin.flow.server.VaadinServletRequest)
                                            com.vaadin.flow.server.VaadinRequest.getCurrent())
                                    .getHttpServletRequest())
                    .path("/" + OidcCallbackView.ROUTE)
                    .build()
                    .toUriString();
            String to = auth.oidcStart(back);
            com.vaadin.flow.server.VaadinSession.getCurrent().setAttribute(OidcCallbackView.RETURN_TO, redirect);
            getUI().ifPresent(ui -> ui.getPage().setLocation(to));
        } catch (BackendException e) {
            showError(errors.describe(e, getLocale()));
        }
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }
}
