package org.kbportal.ui.report;

import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.kbportal.ui.client.ReportClient;

/**
 * The dashboard's filter in the URL ({@code ?from=YYYY-MM-DD&to=YYYY-MM-DD&category=}), so a
 * report can be linked. Missing or unreadable dates fall back to last month (in the service's
 * zone), or to the current month when last month had no questions (a new installation); a period
 * given backwards is turned round.
 */
final class ReportParams {

    private ReportParams() {}

    static ReportClient.Filter parse(QueryParameters params, LocalDate today) {
        return parse(params, today, f -> true);
    }

    /**
     * @param hasQuestions whether a period had questions; asked only when the URL names no dates
     */
    static ReportClient.Filter parse(
            QueryParameters params, LocalDate today, Predicate<ReportClient.Filter> hasQuestions) {
        YearMonth last = YearMonth.from(today).minusMonths(1);
        LocalDate from = date(params, "from");
        LocalDate to = date(params, "to");
        if (from == null && to == null) {
            String category = category(params);
            ReportClient.Filter lastMonth = new ReportClient.Filter(last.atDay(1), last.atEndOfMonth(), category);
            if (hasQuestions.test(lastMonth)) {
                return lastMonth;
            }
            YearMonth current = YearMonth.from(today);
            return new ReportClient.Filter(current.atDay(1), current.atEndOfMonth(), category);
        } else if (from == null) {
            from = to.withDayOfMonth(1);
        } else if (to == null) {
            to = YearMonth.from(from).atEndOfMonth();
        }
        if (to.isBefore(from)) {
            LocalDate t = from;
            from = to;
            to = t;
        }
        return new ReportClient.Filter(from, to, category(params));
    }

    private static String category(QueryParameters params) {
        return params.getSingleParameter("category")
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .orElse(null);
    }

    static QueryParameters format(ReportClient.Filter f) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("from", f.from().toString());
        values.put("to", f.to().toString());
        if (f.category() != null) {
            values.put("category", f.category());
        }
        return QueryParameters.simple(values);
    }

    /** The file name a download of {@code f} gets. */
    static String filename(ReportClient.Filter f, String ext) {
        return "service-report-" + f.from() + "_" + f.to() + (f.category() == null ? "" : "-" + f.category()) + "."
                + ext;
    }

    private static LocalDate date(QueryParameters params, String name) {
        String v = params.getSingleParameter(name).orElse(null);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            // a hand-edited URL: use the default rather than show an error
            return null;
        }
    }
}
