package org.kbportal.backend.report;

import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.kbportal.backend.system.KbException;
import org.kbportal.contract.report.ServiceReport;
import org.springframework.stereotype.Component;

/**
 * The report's charts, drawn on the server with JFreeChart as PNG (the UI shows them as images, the
 * PDF and XLSX embed them). Labels are drawn with {@link ReportFont}: in Chinese with the English in
 * brackets for the exports, and in the reader's language alone on the portal's report page.
 */
@Component
class ReportCharts {

    /** Chart names as used in {@code /api/reports/service/charts/{name}.png}. */
    static final List<String> NAMES = List.of("daily", "categories", "sla", "satisfaction");

    static final int WIDTH = 800;
    static final int HEIGHT = 380;

    private final ReportFont font;

    ReportCharts(ReportFont font) {
        this.font = font;
    }

    /** The language of a chart's texts. */
    enum Lang {
        ZH,
        EN,
        /** Chinese with the English in brackets: the PDF and XLSX exports, read in either language. */
        BOTH;

        /** {@code zh}, {@code zh-CN}, {@code en}, ...; none: both. */
        static Lang of(String tag) {
            if (tag == null || tag.isBlank()) {
                return BOTH;
            }
            String t = tag.strip().toLowerCase(java.util.Locale.ROOT);
            if (t.equals("zh") || t.startsWith("zh-") || t.startsWith("zh_")) {
                return ZH;
            }
            if (t.equals("en") || t.startsWith("en-") || t.startsWith("en_")) {
                return EN;
            }
            throw KbException.badRequest("invalid-lang", "lang must be zh or en, not '" + tag + "'.");
        }

        /** A title or series name. */
        String text(String zh, String en) {
            return switch (this) {
                case ZH -> zh;
                case EN -> en;
                case BOTH -> zh + " (" + en + ")";
            };
        }

        /** An axis or a short label: one language (Chinese in the exports). */
        String label(String zh, String en) {
            return this == EN ? en : zh;
        }
    }

    byte[] png(String name, ServiceReport r) {
        return png(name, r, Lang.BOTH);
    }

    byte[] png(String name, ServiceReport r, Lang lang) {
        return render(name, chart(name, r, lang));
    }

    /** The chart before it is drawn (its texts are what a test reads). */
    static JFreeChart chart(String name, ServiceReport r, Lang lang) {
        return switch (name) {
            case "daily" -> daily(r, lang);
            case "categories" -> categories(r, lang);
            case "sla" -> sla(r, lang);
            case "satisfaction" -> satisfaction(r, lang);
            default -> throw KbException.notFound("chart-not-found", "No chart '" + name + "'; charts: " + NAMES + ".");
        };
    }

    private byte[] render(String name, JFreeChart chart) {
        theme().apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, new Color(0x1F, 0x77, 0xB4));
        renderer.setSeriesPaint(1, new Color(0xFF, 0x7F, 0x0E));
        renderer.setSeriesPaint(2, new Color(0x2C, 0xA0, 0x2C));
        if (!name.equals("sla")) {
            ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis())
                    .setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        }
        if (name.equals("daily")) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private StandardChartTheme theme() {
        StandardChartTheme t = new StandardChartTheme("kb");
        t.setExtraLargeFont(font.awt(18f).deriveFont(Font.BOLD));
        t.setLargeFont(font.awt(14f));
        t.setRegularFont(font.awt(12f));
        t.setSmallFont(font.awt(10f));
        t.setChartBackgroundPaint(Color.WHITE);
        return t;
    }

    private static JFreeChart bars(String title, String axis, DefaultCategoryDataset data, boolean legend) {
        return org.jfree.chart.ChartFactory.createBarChart(
                title, null, axis, data, PlotOrientation.VERTICAL, legend, false, false);
    }

    private static JFreeChart daily(ServiceReport r, Lang lang) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        boolean month = r.questions().perDay().size() > 31;
        String questions = lang.label("问题数", "Questions");
        for (ServiceReport.DayCount c : r.questions().perDay()) {
            String key = month ? c.date().toString() : String.valueOf(c.date().getDayOfMonth());
            d.addValue(c.count(), questions, key);
        }
        return bars(lang.text("每日新增问题", "Questions per day"), questions, d, false);
    }

    private static JFreeChart categories(ServiceReport r, Lang lang) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        String questions = lang.label("问题数", "Questions");
        for (Map.Entry<String, Long> e : r.questions().byCategory().entrySet()) {
            d.addValue(e.getValue(), questions, ReportTables.categoryName(r, e.getKey()));
        }
        return bars(lang.text("各类别问题数", "Questions by category"), questions, d, false);
    }

    private static JFreeChart sla(ServiceReport r, Lang lang) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        String reply = lang.text("回复", "reply");
        String resolution = lang.text("解决", "resolution");
        String all = lang.label("全部", "All");
        add(d, reply, all, r.replySlaCompliance().overall());
        add(d, resolution, all, r.resolveSlaCompliance().overall());
        r.replySlaCompliance().byCategory().forEach((c, rate) -> {
            add(d, reply, ReportTables.categoryName(r, c), rate);
            add(
                    d,
                    resolution,
                    ReportTables.categoryName(r, c),
                    r.resolveSlaCompliance().byCategory().get(c));
        });
        JFreeChart chart = bars(lang.text("SLA达标率 %", "SLA compliance %"), "%", d, true);
        chart.getCategoryPlot().getRangeAxis().setRange(0, 100);
        return chart;
    }

    private static void add(DefaultCategoryDataset d, String series, String column, ServiceReport.Rate rate) {
        d.addValue(rate == null || rate.percent() == null ? 0 : rate.percent(), series, column);
    }

    private static JFreeChart satisfaction(ServiceReport r, Lang lang) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        ServiceReport.Satisfaction s = r.satisfaction();
        String attitude = lang.label("服务态度", "Attitude");
        String expertise = lang.label("专业水平", "Expertise");
        String timeliness = lang.label("响应及时", "Timeliness");
        for (int score = 1; score <= 5; score++) {
            String column = lang.label(score + "分", score + (score == 1 ? " star" : " stars"));
            d.addValue(s.attitude().distribution().get(score - 1), attitude, column);
            d.addValue(s.expertise().distribution().get(score - 1), expertise, column);
            d.addValue(s.timeliness().distribution().get(score - 1), timeliness, column);
        }
        return bars(lang.text("满意度分布", "Satisfaction scores"), lang.label("评价数", "Ratings"), d, true);
    }
}
