package org.kbportal.ui.account;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.List;
import org.kbportal.ui.client.AuthClient;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.Problem;
import org.kbportal.ui.i18n.ErrorMessages;
import org.kbportal.ui.navigation.Routes;
import org.kbportal.ui.session.AdminAccess;
import org.kbportal.ui.session.CurrentUser;
import org.kbportal.ui.session.GuardedPage;

/**
 * The signed-in user's own password change ({@code account/password}, from the user menu). An account whose
 * password an administrator set is sent here first ({@code MainLayout}) and may go nowhere else until it is
 * changed. A refused password is explained rule by rule in the user's language.
 */
@Route(Routes.PASSWORD)
class PasswordView extends GuardedPage {

    private final AuthClient auth;
    private final CurrentUser user;
    private final ErrorMessages errors;
    private final PasswordField current = new PasswordField();
    private final PasswordField next = new PasswordField();
    private final PasswordField repeat = new PasswordField();
    private final Div forced = new Div();
    private final Div error = new Div();

    PasswordView(AuthClient auth, CurrentUser user, ErrorMessages errors) {
        super("password.title");
        this.auth = auth;
        this.user = user;
        this.errors = errors;
        addClassName("kb-admin-page");
    }

    @Override
    protected boolean allowed(BeforeEnterEvent event) {
        return AdminAccess.checkSignedIn(event, user);
    }

    @Override
    protected void build() {
        forced.setId("password-forced");
        forced.addClassName("kb-error");
        forced.setText(getTranslation("password.forced"));
        current.setId("password-current");
        current.setLabel(getTranslation("password.current"));
        next.setId("password-new");
        next.setLabel(getTranslation("password.new"));
        next.setHelperText(rules());
        repeat.setId("password-repeat");
        repeat.setLabel(getTranslation("password.repeat"));
        for (PasswordField f : List.of(current, next, repeat)) {
            f.setRequiredIndicatorVisible(true);
            f.setWidthFull();
            f.setMaxLength(200);
        }
        error.setId("password-error");
        error.addClassName("kb-error");
        error.setVisible(false);
        Button save = new Button(getTranslation("password.submit"), e -> save());
        save.setId("password-submit");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        Div form = new Div(current, next, repeat, error, save);
        form.addClassName("kb-password-form");
        form.getStyle().set("max-width", "28rem");
        add(new H1(getTranslation("password.title")), forced, new Paragraph(getTranslation("password.intro")), form);
    }

    @Override
    protected void refresh() {
        forced.setVisible(user.mustChangePassword());
    }

    private void save() {
        if (current.isEmpty() || next.isEmpty()) {
            show(getTranslation("password.missing"));
            return;
        }
        if (!next.getValue().equals(repeat.getValue())) {
            show(getTranslation("password.mismatch"));
            return;
        }
        String token = user.get().map(l -> l.token()).orElse("");
        try {
            auth.changePassword(token, current.getValue(), next.getValue());
        } catch (BackendException e) {
            show(describe(e));
            return;
        }
        user.passwordChanged();
        Notification.show(getTranslation("password.changed"), 4000, Notification.Position.TOP_CENTER)
                .setId("password-changed");
        getUI().ifPresent(ui -> ui.navigate(Routes.SEARCH));
    }

    /** The policy's rules as the backend enforces them (not the defaults), or nothing if it cannot say. */
    private String rules() {
        AuthClient.PasswordRules p;
        try {
            p = auth.passwordPolicy();
        } catch (BackendException e) {
            return "";
        }
        String text = getTranslation(
                p.history() > 0 ? "password.rules" : "password.rules.no-history",
                p.minLength(),
                p.minClasses(),
                p.history());
        return p.maxAgeDays() > 0 ? text + " " + getTranslation("password.rules.max-age", p.maxAgeDays()) : text;
    }

    /** A weak password: one translated sentence per broken rule; anything else as the portal says errors. */
    private String describe(BackendException e) {
        Problem p = e.problem().orElse(null);
        if (p != null
                && "weak-password".equals(p.kbType())
                && p.properties().get("violations") instanceof List<?> rules) {
            List<String> lines = new ArrayList<>();
            for (Object rule : rules) {
                String key = "password.rule." + rule;
                lines.add(getTranslation(
                        key,
                        p.properties().getOrDefault("minLength", ""),
                        p.properties().getOrDefault("minClasses", ""),
                        p.properties().getOrDefault("history", "")));
            }
            return getTranslation("password.weak") + " " + String.join(" ", lines);
        }
        return errors.describe(e, getLocale());
    }

    private void show(String message) {
        error.setText(message);
        error.setVisible(true);
    }
}
