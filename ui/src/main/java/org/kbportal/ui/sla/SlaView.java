package org.kbportal.ui.sla;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.SlaClient;
import org.kbportal.ui.client.SlaClient.Day;
import org.kbportal.ui.client.SlaClient.Hours;
import org.kbportal.ui.client.SlaClient.Policy;
import org.kbportal.ui.i18n.ErrorMessages;
import org.kbportal.ui.navigation.Routes;
import org.kbportal.ui.session.AdminAccess;
import org.kbportal.ui.session.CurrentUser;
import org.kbportal.ui.session.GuardedPage;

/**
 * Service commitments ({@code admin/sla}, ADMIN): the policy table (kind × severity: minutes to the
 * first reply and to resolution, round the clock or working time), the working hours of the week,
 * and holidays and make-up working days. New questions use the changes at once.
 */
@Route(Routes.ADMIN_SLA)
class SlaView extends GuardedPage {

    private final SlaClient sla;
    private final CurrentUser user;
    private final ErrorMessages errors;
    private final Div message = new Div();
    private final Div policies = new Div();
    private final Div policiesMessage = new Div();
    private final Div policiesSaved = new Div();
    private final Div week = new Div();
    private final Div days = new Div();
    private final List<DayHours> hours = new ArrayList<>();
    private final List<PolicyRow> rows = new ArrayList<>();
    private final DatePicker dayDate = new DatePicker();
    private final RadioButtonGroup<Boolean> dayWorking = new RadioButtonGroup<>();
    private final TextField dayName = new TextField();

    SlaView(SlaClient sla, CurrentUser user, ErrorMessages errors) {
        super("sla.title");
        this.sla = sla;
        this.user = user;
        this.errors = errors;
        addClassName("kb-admin-page");
    }

    /** One policy as loaded and its editors. */
    private record PolicyRow(Policy loaded, IntegerField reply, IntegerField resolve, Checkbox working, Div line) {

        /** The row as edited, when it differs from what was loaded. */
        Optional<Policy> edited() {
            return PolicyEdits.changed(loaded, reply.getValue(), resolve.getValue(), working.getValue());
        }
    }

    /** The editors of one weekday's working hours. */
    private record DayHours(DayOfWeek day, Checkbox working, TimePicker start, TimePicker end) {}

    @Override
    protected boolean allowed(BeforeEnterEvent event) {
        return AdminAccess.check(event, user);
    }

    @Override
    protected void build() {
        message.setId("sla-error");
        message.addClassName("kb-error");
        message.setVisible(false);
        policies.setId("sla-policies");
        policies.addClassName("kb-table");
        Button savePolicies =
                new Button(getTranslation("sla.policies.save"), VaadinIcon.CHECK.create(), e -> savePolicies());
        savePolicies.setId("sla-policies-save");
        savePolicies.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        policiesMessage.setId("sla-policies-error");
        policiesMessage.addClassName("kb-error");
        policiesMessage.getElement().setAttribute("role", "alert");
        policiesMessage.setVisible(false);
        policiesSaved.setId("sla-policies-saved");
        policiesSaved.addClassName("kb-success");
        policiesSaved.getElement().setAttribute("role", "status");
        policiesSaved.setVisible(false);
        week.setId("calendar-hours");
        week.addClassName("kb-filters");
        for (DayOfWeek d : DayOfWeek.values()) {
            Checkbox working = new Checkbox(d.getDisplayName(TextStyle.SHORT, getLocale()));
            working.setId("hours-working-" + d.getValue());
            TimePicker start = new TimePicker();
            start.setId("hours-start-" + d.getValue());
            TimePicker end = new TimePicker();
            end.setId("hours-end-" + d.getValue());
            start.setWidth("7.5em");
            end.setWidth("7.5em");
            hours.add(new DayHours(d, working, start, end));
            Div one = new Div(working, start, end);
            one.addClassName("kb-day-hours");
            week.add(one);
        }
        Button saveHours = new Button(getTranslation("sla.hours.save"), VaadinIcon.CHECK.create(), e -> saveHours());
        saveHours.setId("hours-save");
        saveHours.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        days.setId("calendar-days");
        add(
                new H1(getTranslation("sla.title")),
                intro("sla.intro"),
                message,
                new H2(getTranslation("sla.policies")),
                policies,
                policiesMessage,
                policiesSaved,
                savePolicies,
                new H2(getTranslation("sla.hours")),
                intro("sla.hours.intro"),
                week,
                saveHours,
                new H2(getTranslation("sla.days")),
                intro("sla.days.intro"),
                dayForm(),
                days);
    }

    private Paragraph intro(String key) {
        Paragraph p = new Paragraph(getTranslation(key));
        p.addClassName("kb-intro");
        return p;
    }

    private Div dayForm() {
        dayDate.setId("day-date");
        dayDate.setLabel(getTranslation("sla.day.date"));
        dayWorking.setId("day-working");
        dayWorking.setItems(false, true);
        dayWorking.setItemLabelGenerator(w -> getTranslation(w ? "sla.day.makeup" : "sla.day.holiday"));
        dayWorking.setValue(false);
        dayName.setId("day-name");
        dayName.setLabel(getTranslation("sla.day.name"));
        dayName.setMaxLength(100);
        Button add = new Button(getTranslation("sla.day.add"), VaadinIcon.PLUS.create(), e -> {
            if (dayDate.isEmpty()) {
                showError(getTranslation("sla.day.missing"));
                return;
            }
            act(() -> sla.saveDay(new Day(
                    dayDate.getValue(),
                    dayWorking.getValue(),
                    dayName.getValue().strip())));
        });
        add.setId("day-add");
        Div form = new Div(dayDate, dayWorking, dayName, add);
        form.addClassName("kb-filters");
        return form;
    }

    @Override
    protected void refresh() {
        try {
            showPolicies(sla.policies());
            showHours(sla.hours());
            showDays(sla.days());
            message.setVisible(false);
            policiesMessage.setVisible(false);
            policiesSaved.setVisible(false);
        } catch (BackendException e) {
            showError(errors.describe(e, getLocale()));
        }
    }

    private void showPolicies(List<Policy> all) {
        policies.removeAll();
        rows.clear();
        Div head = new Div(
                new Span(getTranslation("sla.col.kind")),
                new Span(getTranslation("sla.col.severity")),
                new Span(getTranslation("sla.col.reply")),
                new Span(getTranslation("sla.col.resolve")),
                new Span(getTranslation("sla.col.working-time")));
        head.addClassNames("kb-table-row", "kb-table-head");
        policies.add(head);
        for (Policy p : all) {
            String key = p.kind() + "-" + p.severity();
            PolicyRow row = new PolicyRow(
                    p,
                    minutes("policy-reply-" + key, p.replyMinutes()),
                    minutes("policy-resolve-" + key, p.resolveMinutes()),
                    new Checkbox(p.workingTime()),
                    new Div());
            row.working().setId("policy-working-" + key);
            row.reply().addValueChangeListener(e -> mark(row));
            row.resolve().addValueChangeListener(e -> mark(row));
            row.working().addValueChangeListener(e -> mark(row));
            row.line()
                    .add(
                            new Span(getTranslation("question.kind." + p.kind())),
                            new Span(getTranslation("question.severity." + p.severity())),
                            row.reply(),
                            row.resolve(),
                            row.working());
            row.line().addClassName("kb-table-row");
            row.line().setId("policy-" + key);
            rows.add(row);
            policies.add(row.line());
        }
    }

    private IntegerField minutes(String id, int value) {
        IntegerField f = new IntegerField();
        f.setId(id);
        f.setMin(PolicyEdits.MIN_MINUTES);
        f.setMax(PolicyEdits.MAX_MINUTES);
        // this page decides what is invalid and says why, before anything is sent
        f.setManualValidation(true);
        f.setErrorMessage(getTranslation("sla.minutes.invalid"));
        f.setStepButtonsVisible(false);
        f.setValue(value);
        f.setWidth("7em");
        return f;
    }

    /** Marks a row as changed and its minutes as invalid at once, while the admin edits. */
    private boolean mark(PolicyRow row) {
        boolean replyOk = PolicyEdits.valid(row.reply().getValue());
        boolean resolveOk = PolicyEdits.valid(row.resolve().getValue());
        row.reply().setInvalid(!replyOk);
        row.resolve().setInvalid(!resolveOk);
        row.line()
                .getElement()
                .setAttribute("data-changed", String.valueOf(row.edited().isPresent()));
        row.line().getElement().setAttribute("data-invalid", String.valueOf(!(replyOk && resolveOk)));
        return replyOk && resolveOk;
    }

    /** The single save: every changed row in one call, all or none; nothing is sent while a row is invalid. */
    private void savePolicies() {
        int invalid = 0;
        for (PolicyRow row : rows) {
            if (!mark(row)) {
                invalid++;
            }
        }
        if (invalid > 0) {
            showPolicyError(getTranslation("sla.policies.invalid", invalid));
            return;
        }
        List<Policy> changed = rows.stream().flatMap(r -> r.edited().stream()).toList();
        if (changed.isEmpty()) {
            showPolicyError(getTranslation("sla.policies.unchanged"));
            return;
        }
        try {
            showPolicies(sla.savePolicies(changed));
        } catch (BackendException e) {
            showPolicyError(errors.describe(e, getLocale()));
            return;
        }
        policiesMessage.setVisible(false);
        policiesSaved.setText(getTranslation("sla.policies.saved", changed.size()));
        policiesSaved.setVisible(true);
    }

    private void showPolicyError(String text) {
        policiesSaved.setVisible(false);
        policiesMessage.setText(text);
        policiesMessage.setVisible(true);
    }

    private void showHours(List<Hours> week) {
        for (DayHours d : hours) {
            var h = week.stream()
                    .filter(x -> x.dayOfWeek() == d.day().getValue())
                    .findFirst();
            d.working().setValue(h.isPresent());
            d.start().setValue(h.map(Hours::start).orElse(LocalTime.of(9, 0)));
            d.end().setValue(h.map(Hours::end).orElse(LocalTime.of(18, 0)));
        }
    }

    private void saveHours() {
        List<Hours> week = new ArrayList<>();
        for (DayHours d : hours) {
            if (d.working().getValue()) {
                if (d.start().isEmpty()
                        || d.end().isEmpty()
                        || !d.start().getValue().isBefore(d.end().getValue())) {
                    showError(getTranslation("sla.hours.invalid", d.day().getDisplayName(TextStyle.FULL, getLocale())));
                    return;
                }
                week.add(new Hours(
                        d.day().getValue(), d.start().getValue(), d.end().getValue()));
            }
        }
        act(() -> sla.saveHours(week));
    }

    private void showDays(List<Day> all) {
        days.removeAll();
        if (all.isEmpty()) {
            days.add(new Paragraph(getTranslation("sla.days.none")));
        }
        for (Day d : all) {
            Span kind = new Span(getTranslation(d.working() ? "sla.day.makeup" : "sla.day.holiday"));
            kind.addClassNames("kb-badge", d.working() ? "kb-badge-q-done" : "kb-badge-q-late");
            Button remove = new Button(VaadinIcon.TRASH.create(), e -> act(() -> sla.deleteDay(d.date())));
            remove.setId("day-remove-" + d.date());
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            remove.getElement().setAttribute("aria-label", getTranslation("duty.remove"));
            Div row = new Div(new Span(d.date().toString()), kind, new Span(d.name() == null ? "" : d.name()), remove);
            row.addClassName("kb-day-row");
            row.setId("day-" + d.date());
            days.add(row);
        }
    }

    private void act(Runnable call) {
        try {
            call.run();
        } catch (BackendException e) {
            showError(errors.describe(e, getLocale()));
            return;
        }
        Notification.show(getTranslation("sla.saved"), 2000, Notification.Position.BOTTOM_END)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        refresh();
    }

    private void showError(String text) {
        message.setText(text);
        message.setVisible(true);
    }
}
