package org.kbportal.ui.duty;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDateTime;
import java.util.List;
import org.kbportal.ui.client.DutyClient.Coverage;
import org.kbportal.ui.client.DutyClient.Interval;

/**
 * The week's coverage per category as a strip of 7 × 24 hour blocks: red where no L1 expert with
 * the skill is on duty for any part of the hour, with the total uncovered time; a last row for the
 * hours with no L1 on duty at all (questions then wait in the queue).
 */
final class CoverageChart {

    private CoverageChart() {}

    static void render(Div into, Component texts, Coverage c, java.util.function.UnaryOperator<String> categoryName) {
        into.removeAll();
        LocalDateTime start = c.from().atStartOfDay();
        for (var gaps : c.categories()) {
            into.add(row(
                    texts,
                    "coverage-" + gaps.category(),
                    categoryName.apply(gaps.category()),
                    start,
                    gaps.uncovered(),
                    gaps.uncoveredMinutes()));
        }
        long none = c.noL1().stream()
                .mapToLong(i -> java.time.Duration.between(i.start(), i.end()).toMinutes())
                .sum();
        into.add(row(texts, "coverage-no-l1", texts.getTranslation("duty.coverage.no-l1"), start, c.noL1(), none));
    }

    private static Div row(
            Component texts, String id, String label, LocalDateTime start, List<Interval> gaps, long minutes) {
        Div hours = new Div();
        hours.addClassName("kb-coverage-hours");
        for (int h = 0; h < 7 * 24; h++) {
            LocalDateTime from = start.plusHours(h);
            LocalDateTime to = from.plusHours(1);
            Span block = new Span();
            block.addClassName("kb-hour");
            if (h % 24 == 0) {
                block.addClassName("kb-hour-midnight");
            }
            if (gaps.stream().anyMatch(g -> g.start().isBefore(to) && g.end().isAfter(from))) {
                block.addClassName("uncovered");
            }
            hours.add(block);
        }
        Span name = new Span(label);
        name.addClassName("kb-coverage-name");
        Span total = new Span(
                minutes == 0
                        ? texts.getTranslation("duty.coverage.full")
                        : texts.getTranslation("duty.coverage.gap", String.format("%.1f", minutes / 60.0)));
        total.addClassName(minutes == 0 ? "kb-coverage-ok" : "kb-coverage-gap");
        Div row = new Div(name, hours, total);
        row.setId(id);
        row.addClassName("kb-coverage-row");
        row.getElement().setAttribute("data-uncovered-minutes", String.valueOf(minutes));
        row.getElement()
                .setAttribute(
                        "title",
                        String.join(
                                ", ",
                                gaps.stream()
                                        .map(g -> g.start() + "–" + g.end().toLocalTime())
                                        .toList()));
        return row;
    }
}
