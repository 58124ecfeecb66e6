package org.kbportal.ui.duty;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.Category;
import org.kbportal.ui.client.CategoryCatalog;
import org.kbportal.ui.client.DutyClient;
import org.kbportal.ui.client.DutyClient.Expert;
import org.kbportal.ui.i18n.ErrorMessages;
import org.kbportal.ui.navigation.Routes;
import org.kbportal.ui.session.AdminAccess;
import org.kbportal.ui.session.CurrentUser;
import org.kbportal.ui.session.GuardedPage;

/**
 * The experts who answer questions ({@code admin/experts}, ADMIN): tier (L1 support engineer, L2
 * expert engineer, L3 vendor contact), skills (categories), most open questions at once, the
 * vendor organisation, active or not. Shifts are on the duty page.
 */
@Route(Routes.ADMIN_EXPERTS)
class ExpertsView extends GuardedPage {

    private final DutyClient duty;
    private final CategoryCatalog categories;
    private final CurrentUser user;
    private final ErrorMessages errors;
    private final Div message = new Div();
    private final Div list = new Div();

    ExpertsView(DutyClient duty, CategoryCatalog categories, CurrentUser user, ErrorMessages errors) {
        super("experts.title");
        this.duty = duty;
        this.categories = categories;
        this.user = user;
        this.errors = errors;
        addClassName("kb-admin-page");
    }

    @Override
    protected boolean allowed(BeforeEnterEvent event) {
        return AdminAccess.check(event, user);
    }

    @Override
    protected void build() {
        Paragraph intro = new Paragraph(getTranslation("experts.intro"));
        intro.addClassName("kb-intro");
        message.setId("experts-error");
        message.addClassName("kb-error");
        message.setVisible(false);
        list.setId("experts-list");
        add(new H1(getTranslation("experts.title")), intro, message, list);
    }

    @Override
    protected void refresh() {
        try {
            List<Expert> experts = duty.experts();
            List<Category> all = categories.all();
            list.removeAll();
            experts.forEach(e -> list.add(row(e, all)));
            message.setVisible(false);
        } catch (BackendException e) {
            showError(errors.describe(e, getLocale()));
        }
    }

    private Div row(Expert e, List<Category> all) {
        Map<String, Category> byCode = all.stream().collect(Collectors.toMap(Category::code, c -> c, (a, b) -> a));
        Span name = new Span(e.displayName() + " (" + e.username() + ")");
        name.addClassName("kb-expert-name");
        Select<String> tier = new Select<>();
        tier.setLabel(getTranslation("experts.tier"));
        tier.setItems("L1", "L2", "L3");
        tier.setItemLabelGenerator(t -> getTranslation("experts.tier." + t));
        tier.setValue(e.tier());
        tier.setId("expert-tier-" + e.username());
        MultiSelectComboBox<String> skills = new MultiSelectComboBox<>(getTranslation("experts.skills"));
        skills.setItems(all.stream().map(Category::code).toList());
        skills.setItemLabelGenerator(c -> byCode.containsKey(c) ? byCode.get(c).name(getLocale()) : c);
        skills.setValue(new LinkedHashSet<>(e.skills()));
        skills.setId("expert-skills-" + e.username());
        skills.setWidth("22em");
        IntegerField load = new IntegerField(getTranslation("experts.max-load"));
        load.setMin(1);
        load.setMax(100);
        load.setValue(e.maxLoad());
        load.setId("expert-load-" + e.username());
        load.setWidth("7em");
        TextField org = new TextField(getTranslation("experts.organisation"));
        org.setMaxLength(200);
        org.setValue(e.organisation() == null ? "" : e.organisation());
        org.setId("expert-org-" + e.username());
        Checkbox active = new Checkbox(getTranslation("experts.active"), e.active());
        active.setId("expert-active-" + e.username());
        Button save = new Button(getTranslation("experts.save"), click -> {
            if (load.isEmpty() || load.isInvalid()) {
                showError(getTranslation("experts.load.invalid"));
                return;
            }
            try {
                duty.saveExpert(new Expert(
                        e.userId(),
                        e.username(),
                        e.displayName(),
                        e.email(),
                        tier.getValue(),
                        List.copyOf(skills.getValue()),
                        load.getValue(),
                        org.getValue().isBlank() ? null : org.getValue().strip(),
                        active.getValue()));
            } catch (BackendException x) {
                showError(errors.describe(x, getLocale()));
                return;
            }
            Notification.show(getTranslation("experts.saved", e.username()), 2000, Notification.Position.BOTTOM_END)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        });
        save.setId("expert-save-" + e.username());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div fields = new Div(name, tier, skills, load, org, active, save);
        fields.addClassName("kb-filters");
        fields.addClassName("kb-expert-row");
        fields.getElement().setAttribute("data-expert", e.username());
        return fields;
    }

    private void showError(String text) {
        message.setText(text);
        message.setVisible(true);
    }
}
