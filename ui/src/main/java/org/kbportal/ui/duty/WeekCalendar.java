package org.kbportal.ui.duty;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.kbportal.ui.client.DutyClient.Expert;
import org.kbportal.ui.client.DutyClient.Override;
import org.kbportal.ui.client.DutyClient.Shift;

/**
 * The roster of one week as a table: a row per expert (by tier), a column per day; a cell shows the
 * week's shifts of that day, or the date's override instead (day off, or other hours), each with a
 * remove button.
 */
final class WeekCalendar {

    private WeekCalendar() {}

    static void render(
            Div into,
            Component texts,
            java.util.Locale locale,
            LocalDate monday,
            List<Expert> experts,
            List<Shift> shifts,
            List<Override> overrides,
            Consumer<Shift> removeShift,
            Consumer<Override> removeOverride) {
        into.removeAll();
        Div head = new Div(cell("kb-week-corner", new Span(texts.getTranslation("duty.expert"))));
        head.addClassName("kb-week-row");
        for (int d = 0; d < 7; d++) {
            LocalDate day = monday.plusDays(d);
            head.add(cell(
                    "kb-week-day",
                    new Span(day.getDayOfWeek().getDisplayName(TextStyle.SHORT, locale) + " " + day.getMonthValue()
                            + "-" + day.getDayOfMonth())));
        }
        into.add(head);
        experts.stream()
                .sorted(Comparator.comparing(Expert::tier).thenComparing(Expert::username))
                .forEach(e -> {
                    Span name = new Span(e.displayName() + " · " + e.tier());
                    if (!e.active()) {
                        name.addClassName("kb-muted");
                    }
                    Div row = new Div(cell("kb-week-expert", name));
                    row.addClassName("kb-week-row");
                    row.getElement().setAttribute("data-expert", e.username());
                    for (int d = 0; d < 7; d++) {
                        row.add(day(texts, e, monday.plusDays(d), shifts, overrides, removeShift, removeOverride));
                    }
                    into.add(row);
                });
    }

    private static Div day(
            Component texts,
            Expert e,
            LocalDate date,
            List<Shift> shifts,
            List<Override> overrides,
            Consumer<Shift> removeShift,
            Consumer<Override> removeOverride) {
        Div cell = cell("kb-week-cell");
        cell.getElement().setAttribute("data-date", date.toString());
        Optional<Override> override = overrides.stream()
                .filter(o -> o.expertId() == e.userId() && o.date().equals(date))
                .findFirst();
        if (override.isPresent()) {
            Override o = override.get();
            String text = o.onDuty()
                    ? texts.getTranslation("duty.override.hours", hours(o.start(), o.end()))
                    : texts.getTranslation("duty.override.off");
            cell.add(chip("duty-override-" + o.id(), "kb-shift-override", text, () -> removeOverride.accept(o), texts));
            return cell;
        }
        shifts.stream()
                .filter(s -> s.expertId() == e.userId() && s.dayOfWeek() == date.getDayOfWeek())
                .sorted(Comparator.comparing(Shift::start))
                .forEach(s -> cell.add(chip(
                        "duty-shift-" + s.id() + "-" + date,
                        "kb-shift",
                        hours(s.start(), s.end()),
                        () -> removeShift.accept(s),
                        texts)));
        return cell;
    }

    static String hours(LocalTime start, LocalTime end) {
        LocalTime s = start == null ? LocalTime.MIDNIGHT : start;
        LocalTime t = end == null ? LocalTime.MIDNIGHT : end;
        return s.equals(t) ? "24h" : s + "–" + t;
    }

    private static Div chip(String id, String kind, String text, Runnable remove, Component texts) {
        Button x = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> remove.run());
        x.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        x.getElement().setAttribute("aria-label", texts.getTranslation("duty.remove"));
        x.addClassName("kb-shift-remove");
        Div chip = new Div(new Span(text), x);
        chip.setId(id);
        chip.addClassName(kind);
        return chip;
    }

    private static Div cell(String kind, Component... content) {
        Div cell = new Div(content);
        cell.addClassName(kind);
        return cell;
    }
}
