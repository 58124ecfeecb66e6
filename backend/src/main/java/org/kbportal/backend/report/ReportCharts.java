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
import org.springframework.stereotype.Component;

/**
 * The report's charts, drawn on the server with JFreeChart as PNG (the UI shows them as images, the
 * PDF and XLSX embed them). Labels are Chinese, drawn with {@link ReportFont}.
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

    byte[] png(String name, ServiceReport r) {
        JFreeChart chart = switch (name) {
            case "daily" -> daily(r);
            case "categories" -> categories(r);
            case "sla" -> sla(r);
            case "satisfaction" -> satisfaction(r);
            default -> throw KbException.notFound("chart-not-found", "No chart '" + name + "'; charts: " + NAMES + ".");
        };
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

    private static JFreeChart daily(ServiceReport r) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        boolean month = r.questions().perDay().size() > 31;
        for (ServiceReport.DayCount c : r.questions().perDay()) {
            String key = month ? c.date().toString() : String.valueOf(c.date().getDayOfMonth());
            d.addValue(c.count(), "问题数", key);
        }
        return bars("每日新增问题 (Questions per day)", "问题数", d, false);
    }

    private static JFreeChart categories(ServiceReport r) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (Map.Entry<String, Long> e : r.questions().byCategory().entrySet()) {
            d.addValue(e.getValue(), "问题数", ReportTables.categoryName(r, e.getKey()));
        }
        return bars("各类别问题数 (Questions by category)", "问题数", d, false);
    }

    private static JFreeChart sla(ServiceReport r) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        add(d, "回复 (reply)", "全部", r.replySlaCompliance().overall());
        add(d, "解决 (resolution)", "全部", r.resolveSlaCompliance().overall());
        r.replySlaCompliance().byCategory().forEach((c, rate) -> {
            add(d, "回复 (reply)", ReportTables.categoryName(r, c), rate);
            add(
                    d,
                    "解决 (resolution)",
                    ReportTables.categoryName(r, c),
                    r.resolveSlaCompliance().byCategory().get(c));
        });
        JFreeChart chart = bars("SLA达标率 % (SLA compliance)", "%", d, true);
        chart.getCategoryPlot().getRangeAxis().setRange(0, 100);
        return chart;
    }

    private static void add(DefaultCategoryDataset d, String series, String column, ServiceReport.Rate rate) {
        d.addValue(rate == null || rate.percent() == null ? 0 : rate.percent(), series, column);
    }

    private static JFreeChart satisfaction(ServiceReport r) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        ServiceReport.Satisfaction s = r.satisfaction();
        for (int score = 1; score <= 5; score++) {
            d.addValue(s.attitude().distribution().get(score - 1), "服务态度", score + "分");
            d.addValue(s.expertise().distribution().get(score - 1), "专业水平", score + "分");
            d.addValue(s.timeliness().distribution().get(score - 1), "响应及时", score + "分");
        }
        return bars("满意度分布 (Satisfaction scores)", "评价数", d, true);
    }
}
