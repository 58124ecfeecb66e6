package org.kbportal.ui.account;

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
import org.kbportal.ui.client.LoginAnswer;
import org.kbportal.ui.i18n.ErrorMessages;
import org.kbportal.ui.navigation.Routes;
import org.kbportal.ui.session.CurrentUser;

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
    /** The second step (account with a second factor): a code from the app or a recovery code. */
    private final TextField code = new TextField();

    private final Button codeButton = new Button();
    private String mfaToken;
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

        code.setId("login-code");
        code.setLabel(getTranslation("login.code"));
        code.setHelperText(getTranslation("login.code.help"));
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.setMaxLength(20);
        code.setWidthFull();
        code.setVisible(false);
        codeButton.setId("login-code-button");
        codeButton.setText(getTranslation("login.code.submit"));
        codeButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        codeButton.setWidthFull();
        codeButton.setVisible(false);
        codeButton.addClickListener(e -> secondStep());
        code.addKeyDownListener(Key.ENTER, e -> secondStep());

        error.setId("login-error");
        error.addClassName("kb-error");
        error.setVisible(false);

        Div card = new Div(
                new H1(getTranslation("login.title")),
                new Paragraph(getTranslation("login.intro")),
                benefits(),
                username,
                password,
                code,
                error,
                login,
                codeButton);
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
        LoginAnswer answer;
        try {
            answer = auth.begin(name, password.getValue());
        } catch (BackendException e) {
            password.clear();
            password.focus();
            showError(errors.describe(e, getLocale()));
            return;
        }
        if (answer.mfaRequired()) {
            // second step: the password fields give way to the code
            mfaToken = answer.mfaToken();
            password.clear();
            username.setVisible(false);
            password.setVisible(false);
            login.setVisible(false);
            code.setVisible(true);
            codeButton.setVisible(true);
            error.setVisible(false);
            code.focus();
            return;
        }
        finish(answer);
    }

    private void secondStep() {
        String typed = code.getValue().strip();
        if (typed.isEmpty()) {
            showError(getTranslation("login.code.missing"));
            return;
        }
        LoginAnswer answer;
        try {
            answer = auth.secondStep(mfaToken, typed);
        } catch (BackendException e) {
            code.clear();
            if (e.problem().filter(p -> "mfa-token-invalid".equals(p.kbType())).isPresent()) {
                // the second step expired: back to the password
                mfaToken = null;
                code.setVisible(false);
                codeButton.setVisible(false);
                username.setVisible(true);
                password.setVisible(true);
                login.setVisible(true);
                password.focus();
            } else {
                code.focus();
            }
            showError(errors.describe(e, getLocale()));
            return;
        }
        finish(answer);
    }

    /** Signed in: where they came from, or the set-up of the second factor their role requires. */
    private void finish(LoginAnswer answer) {
        user.signIn(answer.login());
        String next = answer.mfaEnrolmentRequired() ? Routes.ACCOUNT_MFA : redirect;
        getUI().ifPresent(ui -> Routes.navigate(ui, next));
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
