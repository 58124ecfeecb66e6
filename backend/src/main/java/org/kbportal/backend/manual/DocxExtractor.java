package org.kbportal.backend.manual;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Word (.docx) text with POI XWPF: paragraphs in "Heading 1" to "Heading 3" styles (also the
 * Chinese "标题 1" names and style ids like {@code Heading2}) start sections; the "Title" style gives
 * the title; tables become Markdown tables.
 */
final class DocxExtractor {

    private static final Pattern HEADING = Pattern.compile("(?i)^(?:heading|标题)\\s*([1-9])$");

    private DocxExtractor() {}

    static ExtractedDocument extract(Path file, ExtractionProgress progress) {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
                XWPFDocument doc = new XWPFDocument(pkg)) {
            return read(doc, progress);
        } catch (EncryptedDocumentException e) {
            throw DocumentProblems.encrypted(DocumentFormat.DOCX);
        } catch (InvalidFormatException | IOException | POIXMLException | OpenXML4JRuntimeException e) {
            throw DocumentProblems.corrupt(DocumentFormat.DOCX, e.getMessage());
        }
    }

    private static ExtractedDocument read(XWPFDocument doc, ExtractionProgress progress) {
        List<IBodyElement> elements = doc.getBodyElements();
        String title = null;
        StringBuilder intro = new StringBuilder();
        List<ExtractedDocument.Section> sections = new ArrayList<>();
        String heading = null;
        int level = 0;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < elements.size(); i++) {
            IBodyElement element = elements.get(i);
            StringBuilder target = heading == null ? intro : text;
            if (element instanceof XWPFParagraph p) {
                String content = p.getText().strip();
                String style = styleName(doc, p);
                int headingLevel = headingLevel(style);
                if (content.isEmpty()) {
                    // an empty paragraph adds nothing
                } else if (title == null && "title".equals(style)) {
                    title = content;
                } else if (headingLevel >= 1 && headingLevel <= 3) {
                    if (heading != null) {
                        sections.add(
                                new ExtractedDocument.Section(heading, level, null, PlainText.tidy(text.toString())));
                    }
                    heading = content;
                    level = headingLevel;
                    text = new StringBuilder();
                } else {
                    target.append(p.getNumID() != null ? "- " : "")
                            .append(ManualMarkdown.escape(content))
                            .append("\n\n");
                }
            } else if (element instanceof XWPFTable t) {
                target.append(table(t)).append("\n\n");
            }
            progress.update(i + 1, elements.size());
        }
        if (heading != null) {
            sections.add(new ExtractedDocument.Section(heading, level, null, PlainText.tidy(text.toString())));
        }
        if (sections.isEmpty() && intro.toString().isBlank()) {
            throw DocumentProblems.noText(DocumentFormat.DOCX);
        }
        return new ExtractedDocument(title, null, PlainText.tidy(intro.toString()), sections);
    }

    /** The paragraph's style name in lower case ("heading 1"), else its style id, else "". */
    private static String styleName(XWPFDocument doc, XWPFParagraph p) {
        String id = p.getStyleID();
        if (id == null) {
            return "";
        }
        XWPFStyle style = doc.getStyles() == null ? null : doc.getStyles().getStyle(id);
        String name = style != null && style.getName() != null ? style.getName() : id;
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static int headingLevel(String style) {
        Matcher m = HEADING.matcher(style.replace("heading", "heading "));
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static String table(XWPFTable table) {
        StringBuilder sb = new StringBuilder();
        List<XWPFTableRow> rows = table.getRows();
        for (int r = 0; r < rows.size(); r++) {
            List<String> cells = rows.get(r).getTableCells().stream()
                    .map(c -> ManualMarkdown.tableCell(c.getText()))
                    .toList();
            sb.append("| ").append(String.join(" | ", cells)).append(" |\n");
            if (r == 0) {
                sb.append("|").append(" --- |".repeat(cells.size())).append('\n');
            }
        }
        return sb.toString();
    }
}
