package org.kbportal.backend.manual;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * PDF text with PDFBox, page by page. Sections come from the outline (bookmarks, levels 1–3) when
 * the document has one: each bookmark's section starts where its title occurs on its target page
 * (or at the top of that page). Without an outline every page is a section.
 */
final class PdfExtractor {

    private static final int MAX_LEVEL = 3;
    /** Decoded streams PDFBox keeps in memory per document; the rest goes to a temporary file. */
    static final long CACHE_IN_MEMORY = 16L * 1024 * 1024;
    /** And at most this much in all: a PDF that decodes to more is refused as unreadable. */
    static final long CACHE_TOTAL = 1024L * 1024 * 1024;

    private PdfExtractor() {}

    private record Bookmark(String title, int level, int page, int order) {}

    /** {@code lang} (zh, en or null to guess) words the page headings of a PDF without outline. */
    static ExtractedDocument extract(Path file, String lang, ExtractionProgress progress) {
        try (PDDocument doc = Loader.loadPDF(file.toFile(), streamCache().streamCache)) {
            if (doc.isEncrypted() && !doc.getCurrentAccessPermission().canExtractContent()) {
                throw DocumentProblems.encrypted(DocumentFormat.PDF);
            }
            int pages = doc.getNumberOfPages();
            if (pages == 0) {
                throw DocumentProblems.noText(DocumentFormat.PDF);
            }
            List<String> text = pageTexts(doc, progress);
            if (text.stream().allMatch(String::isBlank)) {
                throw DocumentProblems.noText(DocumentFormat.PDF);
            }
            String title = doc.getDocumentInformation() == null
                    ? null
                    : doc.getDocumentInformation().getTitle();
            List<Bookmark> bookmarks = bookmarks(doc);
            return bookmarks.isEmpty() ? byPages(title, text, lang) : byBookmarks(title, text, bookmarks);
        } catch (InvalidPasswordException e) {
            throw DocumentProblems.encrypted(DocumentFormat.PDF);
        } catch (IOException e) {
            throw DocumentProblems.corrupt(DocumentFormat.PDF, e.getMessage());
        }
    }

    /**
     * PDFBox's default stream cache is unbounded memory: a small PDF whose streams inflate to gigabytes
     * (a "PDF bomb") would exhaust the heap. Mixed: memory up to {@link #CACHE_IN_MEMORY}, then a temporary
     * file up to {@link #CACHE_TOTAL}.
     */
    static MemoryUsageSetting streamCache() {
        return MemoryUsageSetting.setupMixed(CACHE_IN_MEMORY, CACHE_TOTAL);
    }

    private static List<String> pageTexts(PDDocument doc, ExtractionProgress progress) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setParagraphEnd("\n\n");
        stripper.setLineSeparator("\n");
        int pages = doc.getNumberOfPages();
        List<String> text = new ArrayList<>(pages);
        for (int p = 1; p <= pages; p++) {
            stripper.setStartPage(p);
            stripper.setEndPage(p);
            text.add(PlainText.tidy(stripper.getText(doc)));
            progress.update(p, pages);
        }
        return text;
    }

    private static List<Bookmark> bookmarks(PDDocument doc) throws IOException {
        PDDocumentOutline outline = doc.getDocumentCatalog().getDocumentOutline();
        List<Bookmark> found = new ArrayList<>();
        if (outline != null) {
            collect(doc, outline, 1, found);
        }
        found.sort(Comparator.comparingInt(Bookmark::page).thenComparingInt(Bookmark::order));
        return found;
    }

    private static void collect(PDDocument doc, PDOutlineNode node, int level, List<Bookmark> out) throws IOException {
        for (var item : node.children()) {
            String title = item.getTitle() == null ? "" : item.getTitle().strip();
            PDPage page = item.findDestinationPage(doc);
            int index = page == null ? -1 : doc.getPages().indexOf(page);
            if (!title.isEmpty() && index >= 0) {
                out.add(new Bookmark(title, level, index + 1, out.size()));
            }
            if (level < MAX_LEVEL) {
                collect(doc, item, level + 1, out);
            }
        }
    }

    private static ExtractedDocument byPages(String title, List<String> text, String lang) {
        String headingLang = lang != null ? lang : PlainText.guessLang(String.join("\n", text));
        List<ExtractedDocument.Section> sections = new ArrayList<>();
        for (int p = 0; p < text.size(); p++) {
            if (!text.get(p).isBlank()) {
                String heading = "en".equals(headingLang) ? "Page " + (p + 1) : "第 " + (p + 1) + " 页";
                sections.add(new ExtractedDocument.Section(heading, 2, p + 1, ManualMarkdown.escape(text.get(p))));
            }
        }
        return new ExtractedDocument(title, text.size(), "", sections);
    }

    /**
     * Lays the pages end to end and cuts the text where each bookmark's title is found on its page,
     * searching forward from the previous cut, so sections never overlap or go backwards.
     */
    private static ExtractedDocument byBookmarks(String title, List<String> text, List<Bookmark> bookmarks) {
        StringBuilder all = new StringBuilder();
        int[] pageStart = new int[text.size() + 1];
        for (int p = 0; p < text.size(); p++) {
            pageStart[p] = all.length();
            all.append(text.get(p)).append("\n\n");
        }
        pageStart[text.size()] = all.length();
        int[] cut = new int[bookmarks.size()];
        int[] bodyStart = new int[bookmarks.size()];
        int cursor = 0;
        for (int i = 0; i < bookmarks.size(); i++) {
            Bookmark b = bookmarks.get(i);
            int from = Math.max(cursor, pageStart[b.page() - 1]);
            int to = pageStart[b.page()];
            int at = from < to ? all.indexOf(b.title(), from) : -1;
            if (at >= 0 && at < to) {
                cut[i] = at;
                bodyStart[i] = at + b.title().length();
            } else {
                cut[i] = from;
                bodyStart[i] = from;
            }
            cursor = bodyStart[i];
        }
        List<ExtractedDocument.Section> sections = new ArrayList<>();
        for (int i = 0; i < bookmarks.size(); i++) {
            int end = i + 1 < bookmarks.size() ? cut[i + 1] : all.length();
            String body = bodyStart[i] < end ? all.substring(bodyStart[i], end) : "";
            Bookmark b = bookmarks.get(i);
            sections.add(new ExtractedDocument.Section(
                    b.title(), b.level(), b.page(), ManualMarkdown.escape(PlainText.tidy(body))));
        }
        String intro = ManualMarkdown.escape(PlainText.tidy(all.substring(0, cut[0])));
        return new ExtractedDocument(title, text.size(), intro, sections);
    }
}
