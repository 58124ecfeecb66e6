package org.kbportal.ui.account;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import java.util.List;
import java.util.Map;
import org.kbportal.ui.client.AuthClient;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.MfaEnrolment;
import org.kbportal.ui.i18n.ErrorMessages;
import org.kbportal.ui.navigation.Routes;
import org.kbportal.ui.session.AdminAccess;
import org.kbportal.ui.session.CurrentUser;
import org.kbportal.ui.session.GuardedPage;

/**
 * Setting up the second factor ({@code account/mfa}, any signed-in user, from the user menu): a QR code
 * and the secret as text for the authenticator app, a code from the app to confirm, then the recovery
 * codes, shown this once. A user whose role requires a second factor lands here after the password.
 */
@Route(Routes.ACCOUNT_MFA)
class MfaView extends GuardedPage {

    private final AuthClient auth;
    private final CurrentUser user;
    private final ErrorMessages errors;

    private final Div state = new Div();
    private final Div setup = new Div();
    private final Div message = new Div();
    private final Button start = new Button();

    MfaView(AuthClient auth, CurrentUser user, ErrorMessages errors) {
        super("mfa.title");
        this.auth = auth;
        this.user = user;
        this.errors = errors;
        addClassName("kb-admin-page");
        addClassName("kb-mfa");
    }

    @Override
    protected boolean allowed(BeforeEnterEvent event) {
        return AdminAccess.checkSignedIn(event, user);
    }

    @Override
    protected void build() {
        state.setId("mfa-state");
        message.setId("mfa-message");
        message.addClassName("kb-error");
        message.setVisible(false);
        start.setId("mfa-start");
        start.setText(getTranslation("mfa.start"));
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> enrol());
        setup.setId("mfa-setup");
        add(
                new H1(getTranslation("mfa.title")),
                new Paragraph(getTranslation("mfa.intro")),
                state,
                message,
                start,
                setup);
    }

    @Override
    protected void refresh() {
        setup.removeAll();
        message.setVisible(false);
        try {
            Map<String, Boolean> status = auth.mfaStatus(user.currentToken().orElseThrow());
            boolean enrolled = Boolean.TRUE.equals(status.get("enrolled"));
            state.setText(getTranslation(
                    enrolled
                            ? "mfa.enabled"
                            : Boolean.TRUE.equals(status.get("required")) ? "mfa.required" : "mfa.optional"));
            start.setVisible(!enrolled);
        } catch (BackendException e) {
            show(e);
        }
    }

    private void enrol() {
        MfaEnrolment enrolment;
        try {
            enrolment = auth.enrol(user.currentToken().orElseThrow());
        } catch (BackendException e) {
            show(e);
            return;
        }
        start.setVisible(false);
        Image qr = new Image(enrolment.qrCode(), getTranslation("mfa.qr.alt"));
        qr.setId("mfa-qr");
        qr.setWidth("220px");
        qr.setMaxWidth("100%");
        Span secret = new Span(enrolment.secret().replaceAll("(.{4})(?!$)", "$1 "));
        secret.setId("mfa-secret");
        secret.getStyle().set("font-family", "monospace");
        TextField code = new TextField(getTranslation("mfa.code"));
        code.setId("mfa-code");
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.setMaxLength(6);
        Button confirm = new Button(getTranslation("mfa.confirm"), e -> confirm(code));
        confirm.setId("mfa-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        code.addKeyDownListener(Key.ENTER, e -> confirm(code));
        setup.removeAll();
        setup.add(
                new Paragraph(getTranslation("mfa.scan")),
                qr,
                new Paragraph(getTranslation("mfa.secret")),
                secret,
                code,
                confirm);
    }

    private void confirm(TextField code) {
        List<String> recovery;
        try {
            recovery = auth.confirm(
                    user.currentToken().orElseThrow(), code.getValue().strip());
        } catch (BackendException e) {
            code.clear();
            show(e);
            return;
        }
        message.setVisible(false);
        state.setText(getTranslation("mfa.enabled"));
        UnorderedList list = new UnorderedList();
        list.setId("mfa-recovery-codes");
        list.getStyle().set("font-family", "monospace");
        recovery.forEach(c -> list.add(new ListItem(c)));
        setup.removeAll();
        setup.add(new Paragraph(getTranslation("mfa.recovery")), list);
    }

    private void show(BackendException e) {
        message.setText(errors.describe(e, getLocale()));
        message.setVisible(true);
    }
}
