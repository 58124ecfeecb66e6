package org.kbportal.ui.notify;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.Route;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kbportal.ui.channel.EventTypes;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.NotificationClient;
import org.kbportal.ui.client.NotificationClient.Preferences;
import org.kbportal.ui.i18n.ErrorMessages;
import org.kbportal.ui.navigation.Routes;
import org.kbportal.ui.session.Access;
import org.kbportal.ui.session.Audience;
import org.kbportal.ui.session.CurrentUser;
import org.kbportal.ui.session.GuardedPage;
import org.kbportal.ui.widget.ErrorLine;
import org.kbportal.ui.widget.Fields;

/**
 * The signed-in user's notification choices ({@code account/notifications}, from the user menu): per event,
 * whether it comes by e-mail and (experts: the assignee's phone) by SMS, and quiet hours without SMS except
 * for severity A, and the language of one's e-mails and in-portal notifications. In-portal notifications always arrive. Events are shown by their names in the user's
 * language; a column the user cannot receive is left out, and choices for hidden rows are kept as stored.
 */
@Access(Audience.SIGNED_IN)
@Route(Routes.ACCOUNT_NOTIFICATIONS)
class PreferencesView extends GuardedPage {

    /** The events a person can be told about, with whether an e-mail exists for them (SMS exists for all). */
    private static final Map<String, Boolean> EVENTS = events();

    private final NotificationClient notifications;
    private final CurrentUser user;
    private final ErrorMessages errors;
    private final Map<String, Checkbox> email = new LinkedHashMap<>();
    private final Map<String, Checkbox> sms = new LinkedHashMap<>();
    private final Checkbox quiet = new Checkbox();
    private final TimePicker quietStart = new TimePicker();
    private final TimePicker quietEnd = new TimePicker();
    private final RadioButtonGroup<String> language = new RadioButtonGroup<>();
    private final Div table = new Div();
    private final Div quietSection = new Div();
    private final ErrorLine message = new ErrorLine("prefs-error");
    private final Div saved = new Div();
    private Preferences loaded = new Preferences(null, null, null, null);
    private String loadedLanguage = "zh";

    PreferencesView(NotificationClient notifications, CurrentUser user, ErrorMessages errors) {
        super("prefs.title");
        this.notifications = notifications;
        this.user = user;
        this.errors = errors;
        addClassName("kb-admin-page");
    }

    private static Map<String, Boolean> events() {
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (String e : EventTypes.ALL) {
            m.put(
                    e,
                    List.of("ASSIGNED", "SLA_WARNING", "ESCALATED", "ANSWERED", "RATED_LOW")
                            .contains(e));
        }
        return m;
    }

    @Override
    protected void build() {
        saved.setId("prefs-saved");
        saved.addClassName("kb-success");
        saved.getElement().setAttribute("role", "status");
        saved.setVisible(false);
        table.setId("prefs-table");
        table.addClassName("kb-prefs-table");
        Fields.labelled(quiet, "prefs-quiet", getTranslation("prefs.quiet"));
        quiet.addValueChangeListener(e -> {
            quietStart.setEnabled(e.getValue());
            quietEnd.setEnabled(e.getValue());
        });
        Fields.labelled(quietStart, "prefs-quiet-start", getTranslation("prefs.quiet.start"));
        Fields.labelled(quietEnd, "prefs-quiet-end", getTranslation("prefs.quiet.end"));
        for (TimePicker t : List.of(quietStart, quietEnd)) {
            t.setStep(Duration.ofMinutes(30));
            t.setWidth("8em");
        }
        Div times = new Div(quietStart, quietEnd);
        times.addClassName("kb-filters");
        quietSection.setId("prefs-quiet-section");
        quietSection.add(
                new H2(getTranslation("prefs.quiet.title")),
                new Paragraph(getTranslation("prefs.quiet.intro")),
                quiet,
                times);
        Fields.labelled(language, "prefs-language", getTranslation("prefs.language"));
        language.setItems("zh", "en");
        language.setItemLabelGenerator(l -> getTranslation("prefs.language." + l));
        Button save = new Button(getTranslation("prefs.save"), VaadinIcon.CHECK.create(), e -> save());
        save.setId("prefs-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(
                new H1(getTranslation("prefs.title")),
                new Paragraph(getTranslation("prefs.intro")),
                message,
                language,
                table,
                quietSection,
                saved,
                save);
    }

    @Override
    protected void refresh() {
        saved.setVisible(false);
        try {
            loaded = notifications.preferences();
            loadedLanguage = notifications.language();
        } catch (BackendException e) {
            showError(e);
            return;
        }
        message.hide();
        boolean expert = user.isExpert();
        table.removeAll();
        email.clear();
        sms.clear();
        Div head = new Div(
                new Span(getTranslation("prefs.event")),
                new Span(getTranslation("prefs.email")),
                new Span(expert ? getTranslation("prefs.sms") : ""));
        head.addClassNames("kb-prefs-row", "kb-prefs-head");
        table.add(head);
        EVENTS.forEach((event, hasEmail) -> {
            // people who are no experts hear only of answers to their own questions by e-mail
            if (!expert && !"ANSWERED".equals(event)) {
                return;
            }
            Span label = new Span(getTranslation("channels.event." + event));
            Div row = new Div(label);
            row.addClassName("kb-prefs-row");
            row.setId("prefs-row-" + event);
            row.add(hasEmail ? box(email, "email", event, label, loaded.email()) : new Span());
            row.add(expert ? box(sms, "sms", event, label, loaded.sms()) : new Span());
            table.add(row);
        });
        language.setValue("en".equals(loadedLanguage) ? "en" : "zh");
        quietSection.setVisible(expert);
        quiet.setValue(loaded.quietStart() != null);
        quietStart.setValue(loaded.quietStart() == null ? LocalTime.of(22, 0) : LocalTime.parse(loaded.quietStart()));
        quietEnd.setValue(loaded.quietEnd() == null ? LocalTime.of(7, 0) : LocalTime.parse(loaded.quietEnd()));
        quietStart.setEnabled(quiet.getValue());
        quietEnd.setEnabled(quiet.getValue());
    }

    private Checkbox box(Map<String, Checkbox> column, String channel, String event, Span label, List<String> chosen) {
        Checkbox box = new Checkbox(chosen == null || chosen.contains(event));
        box.setId("prefs-" + channel + "-" + event);
        box.setAriaLabel(label.getText() + " · " + getTranslation("prefs." + channel));
        column.put(event, box);
        return box;
    }

    private void save() {
        saved.setVisible(false);
        if (quiet.getValue() && (quietStart.isEmpty() || quietEnd.isEmpty())) {
            message.show(getTranslation("prefs.quiet.missing"));
            return;
        }
        Preferences next = new Preferences(
                chosen(
                        email,
                        loaded.email(),
                        EVENTS.entrySet().stream()
                                .filter(Map.Entry::getValue)
                                .map(Map.Entry::getKey)
                                .toList()),
                chosen(sms, loaded.sms(), List.copyOf(EVENTS.keySet())),
                quiet.getValue() ? quietStart.getValue().toString() : null,
                quiet.getValue() ? quietEnd.getValue().toString() : null);
        try {
            loaded = notifications.savePreferences(next);
            if (!language.getValue().equals(loadedLanguage)) {
                notifications.setLanguage(language.getValue());
                loadedLanguage = language.getValue();
            }
        } catch (BackendException e) {
            showError(e);
            return;
        }
        message.hide();
        saved.setText(getTranslation("prefs.saved"));
        saved.setVisible(true);
    }

    /**
     * The stored list for one channel: the shown boxes decide their events, the others keep what was stored;
     * null (every event, including ones added later) when all of {@code all} are chosen.
     */
    static List<String> chosen(Map<String, Checkbox> boxes, List<String> stored, List<String> all) {
        Set<String> result = new LinkedHashSet<>(stored == null ? all : stored);
        boxes.forEach((event, box) -> {
            if (box.getValue()) {
                result.add(event);
            } else {
                result.remove(event);
            }
        });
        return result.containsAll(all) ? null : new ArrayList<>(result);
    }

    private void showError(BackendException e) {
        message.show(errors.describe(e, getLocale()));
    }
}
