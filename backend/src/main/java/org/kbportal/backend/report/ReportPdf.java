package org.kbportal.backend.report;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.kbportal.contract.report.ServiceReport;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The report as a printable A4 PDF: XHTML laid out by openhtmltopdf (PDFBox), the Chinese font
 * embedded as a subset, the charts as PNG images.
 */
@Component
class ReportPdf {

    private static final String FAMILY = "kbcjk";

    static {
        // openhtmltopdf logs every rendering step at INFO through its own handler
        for (String logger : com.openhtmltopdf.util.XRLog.listRegisteredLoggers()) {
            com.openhtmltopdf.util.XRLog.setLevel(logger, java.util.logging.Level.WARNING);
        }
    }

    private final ReportFont font;

    ReportPdf(ReportFont font) {
        this.font = font;
    }

    /** @param charts chart name → PNG */
    byte[] write(ServiceReport r, Map<String, byte[]> charts) {
        String html = html(r, charts);
        try (PDDocument doc = new PDDocument();
                ReportFont.Loaded cjk = font.pdf(doc);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder b = new PdfRendererBuilder();
            b.usePDDocument(doc);
            b.useFont(new PDFontSupplier(cjk.font()), FAMILY);
            b.withHtmlContent(html, null);
            b.toStream(out);
            b.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String html(ServiceReport r, Map<String, byte[]> charts) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"/><title>")
                .append(esc(ReportTables.title(r)))
                .append("</title><style>")
                .append("@page { size: A4; margin: 16mm 14mm; @bottom-center { content: counter(page);"
                        + " font-family: " + FAMILY + "; font-size: 8pt; } }")
                .append("body { font-family: " + FAMILY + "; font-size: 9pt; color: #222; }")
                .append(
                        "h1 { font-size: 16pt; margin: 0 0 4mm 0; } h2 { font-size: 11pt; margin: 5mm 0 2mm 0;"
                                + " border-bottom: 1px solid #1f77b4; page-break-after: avoid; -fs-page-break-min-height: 3cm; }")
                .append("table { width: 100%; border-collapse: collapse; -fs-table-paginate: paginate; }")
                .append("th, td { border: 1px solid #bbb; padding: 1mm 1.5mm; text-align: left;"
                        + " vertical-align: top; word-wrap: break-word; }")
                .append("th { background: #eef3f8; } td.n { text-align: right; } img { width: 100%; }")
                .append(".meta { color: #666; margin-bottom: 3mm; } .chart { page-break-inside: avoid; }")
                .append("</style></head><body>");
        h.append("<h1>").append(esc(ReportTables.title(r))).append("</h1>");
        h.append("<div class=\"meta\">生成时间 (Generated) ")
                .append(esc(generated(r.period())))
                .append(" · 时区 (Zone) ")
                .append(esc(r.period().zone()))
                .append("</div>");
        List<ReportTables.Table> tables = ReportTables.of(r);
        table(h, tables.get(0));
        for (byte[] png : charts.values()) {
            h.append("<div class=\"chart\"><img src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(png))
                    .append("\"/></div>");
        }
        for (ReportTables.Table t : tables.subList(1, tables.size())) {
            table(h, t);
        }
        h.append("</body></html>");
        return h.toString();
    }

    private static void table(StringBuilder h, ReportTables.Table t) {
        h.append("<h2>").append(esc(t.title())).append("</h2><table><thead><tr>");
        for (String head : t.headers()) {
            h.append("<th>").append(esc(head)).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        if (t.rows().isEmpty()) {
            h.append("<tr><td colspan=\"").append(t.headers().size()).append("\">无数据 (none)</td></tr>");
        }
        for (List<Object> row : t.rows()) {
            h.append("<tr>");
            for (Object v : row) {
                h.append(v instanceof Number ? "<td class=\"n\">" : "<td>")
                        .append(v == null ? "–" : esc(v.toString()))
                        .append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table>");
    }

    /** When the report was made, in the report's zone (people read it; never a UTC instant). */
    static String generated(ServiceReport.Period p) {
        java.time.ZoneId zone;
        try {
            zone = java.time.ZoneId.of(p.zone());
        } catch (java.time.DateTimeException | NullPointerException e) {
            zone = java.time.ZoneId.of("Asia/Shanghai");
        }
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", java.util.Locale.ROOT)
                .withZone(zone)
                .format(p.generatedAt());
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
