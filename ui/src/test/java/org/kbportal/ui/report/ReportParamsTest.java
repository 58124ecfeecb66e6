package org.kbportal.ui.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kbportal.ui.client.ReportClient;

class ReportParamsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static ReportClient.Filter parse(Map<String, String> values) {
        return ReportParams.parse(QueryParameters.simple(values), TODAY);
    }

    @Test
    void shouldDefaultToLastMonth() {
        assertThat(parse(Map.of()))
                .isEqualTo(new ReportClient.Filter(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), null));
        assertThat(ReportParams.parse(QueryParameters.empty(), LocalDate.of(2026, 1, 5)))
                .isEqualTo(new ReportClient.Filter(LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31), null));
    }

    @Test
    void shouldOpenOnTheCurrentMonthWhenLastMonthHadNoQuestions() {
        assertThat(ReportParams.parse(QueryParameters.simple(Map.of("category", "network")), TODAY, f -> false))
                .isEqualTo(new ReportClient.Filter(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), "network"));
        assertThat(ReportParams.parse(
                        QueryParameters.empty(), TODAY, f -> f.from().equals(LocalDate.of(2026, 10, 1))))
                .isEqualTo(new ReportClient.Filter(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), null));
        // dates in the URL are never second-guessed
        assertThat(ReportParams.parse(QueryParameters.simple(Map.of("from", "2026-09-01")), TODAY, f -> false))
                .isEqualTo(new ReportClient.Filter(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), null));
    }

    @Test
    void shouldReadAPeriodAndACategory() {
        assertThat(parse(Map.of("from", "2026-09-01", "to", "2026-09-30", "category", " network ")))
                .isEqualTo(new ReportClient.Filter(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), "network"));
    }

    @Test
    void shouldCompleteHalfAPeriodTurnABackwardOneAndIgnoreBadDates() {
        assertThat(parse(Map.of("from", "2026-02-10")))
                .isEqualTo(new ReportClient.Filter(LocalDate.of(2026, 2, 10), LocalDate.of(2026, 2, 28), null));
        assertThat(parse(Map.of("to", "2026-09-15")))
                .isEqualTo(new ReportClient.Filter(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 15), null));
        assertThat(parse(Map.of("from", "2026-09-30", "to", "2026-09-01")))
                .isEqualTo(new ReportClient.Filter(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), null));
        assertThat(parse(Map.of("from", "yesterday", "to", "2026-13-01", "category", "")))
                .isEqualTo(new ReportClient.Filter(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), null));
    }

    @Test
    void shouldWriteTheFilterBackIntoTheUrl() {
        ReportClient.Filter f = new ReportClient.Filter(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), "network");
        assertThat(ReportParams.format(f).getQueryString()).isEqualTo("from=2026-09-01&to=2026-09-30&category=network");
        assertThat(ReportParams.parse(ReportParams.format(f), TODAY)).isEqualTo(f);
        assertThat(ReportParams.filename(f, "xlsx")).isEqualTo("service-report-2026-09-01_2026-09-30-network.xlsx");
        ReportClient.Filter all = new ReportClient.Filter(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), null);
        assertThat(ReportParams.format(all).getQueryString()).isEqualTo("from=2026-09-01&to=2026-09-30");
    }
}
