package org.kbportal.backend.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.kbportal.contract.report.ServiceReport;

/** The report as an XLSX workbook (Apache POI): one sheet per table, and a sheet with the charts. */
final class ReportXlsx {

    private ReportXlsx() {}

    /** @param charts chart name → PNG */
    static byte[] write(ServiceReport r, Map<String, byte[]> charts) {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            boolean first = true;
            for (ReportTables.Table t : ReportTables.of(r)) {
                Sheet s = wb.createSheet(t.sheet());
                int n = 0;
                Row titleRow = s.createRow(n++);
                cell(titleRow, 0, first ? ReportTables.title(r) : t.title(), bold);
                if (first) {
                    cell(s.createRow(n++), 0, t.title(), bold);
                }
                first = false;
                Row header = s.createRow(n++);
                for (int i = 0; i < t.headers().size(); i++) {
                    cell(header, i, t.headers().get(i), bold);
                }
                for (List<Object> values : t.rows()) {
                    Row row = s.createRow(n++);
                    for (int i = 0; i < values.size(); i++) {
                        cell(row, i, values.get(i), null);
                    }
                }
                s.createFreezePane(0, n > 2 ? (header.getRowNum() + 1) : 0);
                for (int i = 0; i < t.headers().size(); i++) {
                    s.setColumnWidth(i, Math.min(60, Math.max(12, width(t, i))) * 256);
                }
            }
            charts(wb, charts);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int width(ReportTables.Table t, int col) {
        int w = t.headers().get(col).length() + 2;
        for (List<Object> row : t.rows()) {
            if (col < row.size() && row.get(col) != null) {
                w = Math.max(w, row.get(col).toString().length() * 2);
            }
        }
        return w;
    }

    private static void cell(Row row, int col, Object v, CellStyle style) {
        Cell c = row.createCell(col);
        if (v instanceof Number num) {
            c.setCellValue(num.doubleValue());
        } else if (v != null) {
            c.setCellValue(v.toString());
        }
        if (style != null) {
            c.setCellStyle(style);
        }
    }

    private static void charts(Workbook wb, Map<String, byte[]> charts) {
        if (charts.isEmpty()) {
            return;
        }
        Sheet s = wb.createSheet("图表 Charts");
        XSSFDrawing drawing = (XSSFDrawing) s.createDrawingPatriarch();
        int top = 0;
        for (byte[] png : charts.values()) {
            int idx = wb.addPicture(png, Workbook.PICTURE_TYPE_PNG);
            XSSFClientAnchor anchor = new XSSFClientAnchor();
            anchor.setCol1(0);
            anchor.setRow1(top);
            anchor.setCol2(12);
            anchor.setRow2(top + 20);
            anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_AND_RESIZE);
            drawing.createPicture(anchor, idx);
            top += 22;
        }
    }
}
