package org.kbportal.ui.duty;

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
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.Category;
import org.kbportal.ui.client.CategoryCatalog;
import org.kbportal.ui.client.DutyClient;
import org.kbportal.ui.client.DutyClient.Expert;
import org.kbportal.ui.client.DutyClient.Override;
import org.kbportal.ui.client.DutyClient.Shift;
import org.kbportal.ui.i18n.ErrorMessages;
import org.kbportal.ui.navigation.Routes;
import org.kbportal.ui.session.AdminAccess;
import org.kbportal.ui.session.CurrentUser;
import org.kbportal.ui.session.GuardedPage;

/**
 * The duty roster as a week calendar ({@code admin/duty}, ADMIN): each expert's shifts per day (the
 * week's template, or the date's override), forms to add and remove shifts and overrides, and per
 * category the hours of the week no L1 expert with the skill is on duty, marked red by the hour.
 */
@Route(Routes.ADMIN_DUTY)
class DutyView extends GuardedPage {

    private final DutyClient duty;
    private final CategoryCatalog categories;
    private final CurrentUser user;
    private final ErrorMessages errors;
    private final Div message = new Div();
    private final Span week = new Span();
    private final Div calendar = new Div();
    private final Div coverage = new Div();
    private final Select<Expert> shiftExpert = new Select<>();
    private final Select<DayOfWeek> shiftDay = new Select<>();
    private final TimePicker shiftStart = new TimePicker();
    private final TimePicker shiftEnd = new TimePicker();
    private final Select<Expert> overrideExpert = new Select<>();
    private final DatePicker overrideDate = new DatePicker();
    private final Checkbox overrideOnDuty = new Checkbox();
    private final TimePicker overrideStart = new TimePicker();
    private final TimePicker overrideEnd = new TimePicker();
    private LocalDate monday;

    DutyView(DutyClient duty, CategoryCatalog categories, CurrentUser user, ErrorMessages errors, Clock clock) {
        super("duty.title");
        this.duty = duty;
        this.categories = categories;
        this.user = user;
        this.errors = errors;
        this.monday = LocalDate.now(clock).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        addClassName("kb-admin-page");
        addClassName("kb-duty");
    }

    @java.lang.Override
    protected boolean allowed(BeforeEnterEvent event) {
        return AdminAccess.check(event, user);
    }

    @java.lang.Override
    protected void build() {
        Button previous = new Button(VaadinIcon.ANGLE_LEFT.create(), e -> moveWeek(-1));
        previous.setId("duty-previous-week");
        previous.getElement().setAttribute("aria-label", getTranslation("duty.previous"));
        Button next = new Button(VaadinIcon.ANGLE_RIGHT.create(), e -> moveWeek(1));
        next.setId("duty-next-week");
        next.getElement().setAttribute("aria-label", getTranslation("duty.next"));
        week.setId("duty-week");
        Div nav = new Div(previous, week, next);
        nav.addClassName("kb-week-nav");
        Div top = new Div(new H1(getTranslation("duty.title")), nav);
        top.addClassName("kb-admin-top");
        Paragraph intro = new Paragraph(getTranslation("duty.intro"));
        intro.addClassName("kb-intro");
        message.setId("duty-error");
        message.addClassName("kb-error");
        message.setVisible(false);
        calendar.setId("duty-calendar");
        calendar.addClassName("kb-week");
        coverage.setId("duty-coverage");
        coverage.addClassName("kb-coverage");
        add(
                top,
                intro,
                message,
                calendar,
                shiftForm(),
                overrideForm(),
                new H2(getTranslation("duty.coverage")),
                new Paragraph(getTranslation("duty.coverage.intro")),
                coverage);
    }

    private Div shiftForm() {
        shiftExpert.setId("shift-expert");
        shiftExpert.setLabel(getTranslation("duty.expert"));
        shiftExpert.setItemLabelGenerator(this::expertLabel);
        shiftDay.setId("shift-day");
        shiftDay.setLabel(getTranslation("duty.day"));
        shiftDay.setItems(DayOfWeek.values());
        shiftDay.setItemLabelGenerator(d -> d.getDisplayName(TextStyle.SHORT, getLocale()));
        shiftDay.setValue(DayOfWeek.MONDAY);
        shiftStart.setId("shift-start");
        shiftStart.setLabel(getTranslation("duty.start"));
        shiftStart.setValue(LocalTime.of(9, 0));
        shiftEnd.setId("shift-end");
        shiftEnd.setLabel(getTranslation("duty.end"));
        shiftEnd.setValue(LocalTime.of(18, 0));
        Button add = new Button(getTranslation("duty.add-shift"), VaadinIcon.PLUS.create(), e -> {
            if (shiftExpert.isEmpty() || shiftStart.isEmpty() || shiftEnd.isEmpty()) {
                showError(getTranslation("duty.incomplete"));
                return;
            }
            act(() -> duty.addShift(
                    shiftExpert.getValue().userId(), shiftDay.getValue(), shiftStart.getValue(), shiftEnd.getValue()));
        });
        add.setId("shift-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div form = new Div(new H2(getTranslation("duty.add-shift")), new Paragraph(getTranslation("duty.shift.hint")));
        Div fields = new Div(shiftExpert, shiftDay, shiftStart, shiftEnd, add);
        fields.addClassName("kb-filters");
        form.add(fields);
        return form;
    }

    private Div overrideForm() {
        overrideExpert.setId("override-expert");
        overrideExpert.setLabel(getTranslation("duty.expert"));
        overrideExpert.setItemLabelGenerator(this::expertLabel);
        overrideDate.setId("override-date");
        overrideDate.setLabel(getTranslation("duty.date"));
        overrideOnDuty.setId("override-on-duty");
        overrideOnDuty.setLabel(getTranslation("duty.on-duty"));
        overrideStart.setId("override-start");
        overrideStart.setLabel(getTranslation("duty.start"));
        overrideEnd.setId("override-end");
        overrideEnd.setLabel(getTranslation("duty.end"));
        overrideStart.setEnabled(false);
        overrideEnd.setEnabled(false);
        overrideOnDuty.addValueChangeListener(e -> {
            overrideStart.setEnabled(e.getValue());
            overrideEnd.setEnabled(e.getValue());
        });
        Button add = new Button(getTranslation("duty.add-override"), VaadinIcon.PLUS.create(), e -> {
            if (overrideExpert.isEmpty() || overrideDate.isEmpty()) {
                showError(getTranslation("duty.incomplete"));
                return;
            }
            boolean on = overrideOnDuty.getValue();
            act(() -> duty.addOverride(
                    overrideExpert.getValue().userId(),
                    overrideDate.getValue(),
                    on,
                    on ? overrideStart.getValue() : null,
                    on ? overrideEnd.getValue() : null));
        });
        add.setId("override-add");
        Div form = new Div(new H2(getTranslation("duty.add-override")));
        Div fields = new Div(overrideExpert, overrideDate, overrideOnDuty, overrideStart, overrideEnd, add);
        fields.addClassName("kb-filters");
        form.add(fields);
        return form;
    }

    private String expertLabel(Expert e) {
        return e.displayName() + " (" + e.username() + ", " + e.tier() + ")";
    }

    private void moveWeek(int weeks) {
        monday = monday.plusWeeks(weeks);
        refresh();
    }

    @java.lang.Override
    protected void refresh() {
        LocalDate sunday = monday.plusDays(6);
        week.setText(monday + " – " + sunday);
        week.getElement().setAttribute("data-monday", monday.toString());
        try {
            List<Expert> experts = duty.experts();
            List<Shift> shifts = duty.shifts();
            List<Override> overrides = duty.overrides(monday, sunday);
            shiftExpert.setItems(experts);
            overrideExpert.setItems(experts);
            WeekCalendar.render(
                    calendar,
                    this,
                    getLocale(),
                    monday,
                    experts,
                    shifts,
                    overrides,
                    this::removeShift,
                    this::removeOverride);
            Map<String, String> names = categories.all().stream()
                    .collect(Collectors.toMap(Category::code, c -> c.name(getLocale()), (a, b) -> a));
            CoverageChart.render(
                    coverage, this, duty.coverage(monday, monday.plusDays(7)), code -> names.getOrDefault(code, code));
            message.setVisible(false);
        } catch (BackendException e) {
            showError(errors.describe(e, getLocale()));
        }
    }

    private void removeShift(Shift s) {
        act(() -> duty.deleteShift(s.id()));
    }

    private void removeOverride(Override o) {
        act(() -> duty.deleteOverride(o.id()));
    }

    private void act(Runnable call) {
        try {
            call.run();
        } catch (BackendException e) {
            showError(errors.describe(e, getLocale()));
            return;
        }
        refresh();
    }

    private void showError(String text) {
        message.setText(text);
        message.setVisible(true);
    }
}
