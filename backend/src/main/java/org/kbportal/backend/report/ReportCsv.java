package org.kbportal.backend.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.kbportal.contract.report.ServiceReport;

/**
 * The report as CSV (RFC 4180): UTF-8 with a byte-order mark so Excel opens Chinese correctly; the
 * tables one after another, each as a title line, a header line and its rows, then an empty line.
 */
final class ReportCsv {

    private ReportCsv() {}

    static byte[] write(ServiceReport r) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, List.of(ReportTables.title(r)));
        out.append("\r\n");
        for (ReportTables.Table t : ReportTables.of(r)) {
            line(out, List.of(t.title()));
            line(out, t.headers());
            for (List<Object> row : t.rows()) {
                line(out, row);
            }
            out.append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String cell(Object v) {
        String s = v == null ? "" : v.toString();
        // a leading = + - @ would be a formula in a spreadsheet: quote it as text
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(v instanceof Number)) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
