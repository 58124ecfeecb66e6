package org.kbportal.backend.manual;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitWidthDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * Documents made inside the tests: PDFs with Chinese text in an embedded CJK font (with or without
 * an outline, optionally encrypted), Word files with heading styles, HTML and Markdown.
 */
public final class TestDocuments {

    /** A section of a generated document: its heading and its paragraphs. */
    public record Part(String heading, List<String> paragraphs) {}

    private static final String CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    private TestDocuments() {}

    /** One page per part (a part may span {@code pagesPerPart} pages); bookmarks when asked. */
    public static byte[] pdf(String title, List<Part> parts, boolean outline, int pagesPerPart, String userPassword) {
        return pdf(title, parts, outline, pagesPerPart, userPassword, false);
    }

    /**
     * Like the other; {@code illustrated} adds a 200×200 picture of noise to every page (about 120 KB that does not
     * compress), so the file has the size of a manual with screenshots.
     */
    public static byte[] pdf(
            String title,
            List<Part> parts,
            boolean outline,
            int pagesPerPart,
            String userPassword,
            boolean illustrated) {
        try (PDDocument doc = new PDDocument();
                TrueTypeCollection fonts = new TrueTypeCollection(new File(CJK_FONT))) {
            TrueTypeFont ttf = fonts.getFontByName("WenQuanYiMicroHei");
            PDType0Font font = PDType0Font.load(doc, ttf, true);
            java.util.Random noise = new java.util.Random(42);
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(title);
            doc.setDocumentInformation(info);
            PDDocumentOutline bookmarks = new PDDocumentOutline();
            for (Part part : parts) {
                for (int p = 0; p < pagesPerPart; p++) {
                    PDPage page = new PDPage();
                    doc.addPage(page);
                    try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                        out.beginText();
                        out.setFont(font, 12);
                        out.setLeading(18);
                        out.newLineAtOffset(50, 740);
                        if (p == 0) {
                            out.showText(part.heading());
                            out.newLine();
                            out.newLine();
                        }
                        for (String paragraph : part.paragraphs()) {
                            for (String line : wrap(paragraph, 40)) {
                                out.showText(line);
                                out.newLine();
                            }
                            out.newLine();
                        }
                        out.endText();
                        if (illustrated) {
                            java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(
                                    200, 200, java.awt.image.BufferedImage.TYPE_INT_RGB);
                            for (int x = 0; x < 200; x++) {
                                for (int y = 0; y < 200; y++) {
                                    picture.setRGB(x, y, noise.nextInt(0x1000000));
                                }
                            }
                            out.drawImage(
                                    org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(
                                            doc, picture),
                                    350,
                                    50,
                                    200,
                                    200);
                        }
                    }
                    if (p == 0 && outline) {
                        PDPageFitWidthDestination dest = new PDPageFitWidthDestination();
                        dest.setPage(page);
                        PDOutlineItem item = new PDOutlineItem();
                        item.setTitle(part.heading());
                        item.setDestination(dest);
                        bookmarks.addLast(item);
                    }
                }
            }
            if (outline) {
                doc.getDocumentCatalog().setDocumentOutline(bookmarks);
            }
            if (userPassword != null) {
                StandardProtectionPolicy policy =
                        new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Headings in "Heading 1" to "Heading 3" styles (level = position % 3 + 1 after the first). */
    public static byte[] docx(String title, List<Part> parts, boolean withTable) {
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFParagraph t = doc.createParagraph();
            t.setStyle("Title");
            t.createRun().setText(title);
            int i = 0;
            for (Part part : parts) {
                XWPFParagraph h = doc.createParagraph();
                h.setStyle("Heading" + (i == 0 ? 1 : (i % 3) + 1));
                h.createRun().setText(part.heading());
                for (String paragraph : part.paragraphs()) {
                    doc.createParagraph().createRun().setText(paragraph);
                }
                if (withTable && i == 0) {
                    XWPFTable table = doc.createTable(2, 2);
                    table.getRow(0).getCell(0).setText("参数");
                    table.getRow(0).getCell(1).setText("取值");
                    table.getRow(1).getCell(0).setText("port");
                    table.getRow(1).getCell(1).setText("8443");
                }
                i++;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** h1 for the first part, then h2 and h3 in turn. */
    public static byte[] html(String title, List<Part> parts) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(title)
                .append("</title><script>alert('x')</script></head><body><nav>菜单</nav>");
        int i = 0;
        for (Part part : parts) {
            int level = i == 0 ? 1 : (i % 2) + 2;
            sb.append("<h")
                    .append(level)
                    .append('>')
                    .append(part.heading())
                    .append("</h")
                    .append(level)
                    .append('>');
            for (String paragraph : part.paragraphs()) {
                sb.append("<p>").append(paragraph).append("</p>");
            }
            i++;
        }
        return sb.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] markdown(String title, List<Part> parts) {
        StringBuilder sb = new StringBuilder("# ").append(title).append("\n\n");
        for (Part part : parts) {
            sb.append("## ").append(part.heading()).append("\n\n");
            part.paragraphs().forEach(p -> sb.append(p).append("\n\n"));
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> wrap(String text, int width) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < text.length(); i += width) {
            lines.add(text.substring(i, Math.min(text.length(), i + width)));
        }
        return lines;
    }
}
