package org.kbportal.backend.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.junit.jupiter.api.Test;
import org.kbportal.backend.system.KbException;
import org.kbportal.contract.report.ServiceReport;

/** The chart texts on the portal's report page are in the reader's language; the exports keep both. */
class ReportChartsTest {

    private static final ServiceReport REPORT = report();

    @Test
    void chineseChartsHaveNoEnglishWords() {
        for (String name : ReportCharts.NAMES) {
            List<String> texts = texts(ReportCharts.chart(name, REPORT, ReportCharts.Lang.ZH));
            assertThat(texts).as(name).isNotEmpty();
            // SLA is a product term the Chinese interface keeps; nothing else in Latin letters
            assertThat(texts)
                    .as(name)
                    .allSatisfy(t -> assertThat(t.replace("SLA", "")).doesNotContainPattern("[A-Za-z]{2,}"));
            assertThat(texts.getFirst()).as(name).containsPattern("\\p{IsHan}");
        }
    }

    @Test
    void englishChartsHaveNoChineseLabelsOfTheirOwn() {
        for (String name : ReportCharts.NAMES) {
            List<String> texts = texts(ReportCharts.chart(name, REPORT, ReportCharts.Lang.EN));
            // category names are data (the report carries them in one language); everything else is English
            assertThat(texts).as(name).allSatisfy(t -> assertThat(t).doesNotContainPattern("\\p{IsHan}"));
        }
        assertThat(ReportCharts.chart("daily", REPORT, ReportCharts.Lang.EN)
                        .getTitle()
                        .getText())
                .isEqualTo("Questions per day");
    }

    @Test
    void exportsKeepChineseWithTheEnglishInBrackets() {
        assertThat(ReportCharts.chart("daily", REPORT, ReportCharts.Lang.of(null))
                        .getTitle()
                        .getText())
                .isEqualTo("每日新增问题 (Questions per day)");
        assertThat(ReportCharts.Lang.of("zh-CN")).isEqualTo(ReportCharts.Lang.ZH);
        assertThat(ReportCharts.Lang.of("en")).isEqualTo(ReportCharts.Lang.EN);
        assertThatThrownBy(() -> ReportCharts.Lang.of("fr")).isInstanceOf(KbException.class);
    }

    /** Title, axis label, series and column keys (category names excluded: they are data). */
    private static List<String> texts(JFreeChart chart) {
        List<String> texts = new ArrayList<>();
        texts.add(chart.getTitle().getText());
        CategoryPlot plot = chart.getCategoryPlot();
        texts.add(plot.getRangeAxis().getLabel());
        for (Object row : plot.getDataset().getRowKeys()) {
            texts.add(row.toString());
        }
        for (Object column : plot.getDataset().getColumnKeys()) {
            if (!REPORT.categoryNames().containsValue(column.toString())) {
                texts.add(column.toString());
            }
        }
        return texts;
    }

    private static ServiceReport report() {
        ServiceReport.Rate rate = new ServiceReport.Rate(3, 1, 0, 75.0);
        ServiceReport.Compliance compliance = new ServiceReport.Compliance(rate, Map.of("network", rate));
        ServiceReport.Dimension dimension = new ServiceReport.Dimension(4.0, List.of(0L, 0L, 1L, 2L, 3L));
        return new ServiceReport(
                new ServiceReport.Period(
                        LocalDate.of(2026, 11, 1),
                        LocalDate.of(2026, 11, 30),
                        "Asia/Shanghai",
                        null,
                        null,
                        Instant.parse("2026-11-30T17:05:09Z")),
                new ServiceReport.Questions(
                        4,
                        Map.of(),
                        Map.of(),
                        Map.of(),
                        Map.of("network", 4L),
                        Map.of(),
                        List.of(
                                new ServiceReport.DayCount(LocalDate.of(2026, 11, 2), 1),
                                new ServiceReport.DayCount(LocalDate.of(2026, 11, 3), 3))),
                compliance,
                compliance,
                null,
                null,
                null,
                null,
                new ServiceReport.Satisfaction(6, dimension, dimension, dimension, 4.0, List.of()),
                null,
                List.of(),
                null,
                null,
                null,
                List.of(),
                Map.of("network", "网络运维"));
    }
}
