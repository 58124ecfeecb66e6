package org.kbportal.backend.manual;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an uploaded file into a manual's Markdown: checks the bytes against the format its name
 * says, extracts the text with the format's extractor and writes the sections. Blocking: call it
 * on {@code boundedElastic}.
 */
final class DocumentReader {

    private static final Pattern MD_TITLE = Pattern.compile("(?m)^#\\s+(.+?)\\s*#*\\s*$");

    /**
     * A document made into a manual body.
     *
     * @param title the document's own title, or null
     * @param pages pages of a PDF, else null
     * @param markdown the manual's body
     */
    record Content(String title, Integer pages, String markdown) {}

    private DocumentReader() {}

    static Content read(DocumentFormat format, Path file, String fileName, String lang, ExtractionProgress progress) {
        format.check(file, fileName);
        return switch (format) {
            case PDF -> fromExtracted(PdfExtractor.extract(file, lang, progress));
            case DOCX -> fromExtracted(DocxExtractor.extract(file, progress));
            case HTML -> fromExtracted(HtmlExtractor.extract(text(file), progress));
            case TEXT -> fromExtracted(TextExtractor.extract(text(file), baseName(fileName)));
            case MARKDOWN -> markdown(text(file), progress);
        };
    }

    private static Content fromExtracted(ExtractedDocument doc) {
        return new Content(doc.title(), doc.pages(), ManualMarkdown.render(doc));
    }

    /** Markdown is stored as written: the manual splitter cuts it at its level-1 and -2 headings. */
    private static Content markdown(String text, ExtractionProgress progress) {
        String md = PlainText.tidy(text);
        if (md.isEmpty()) {
            throw DocumentProblems.noText(DocumentFormat.MARKDOWN);
        }
        progress.update(1, 1);
        Matcher m = MD_TITLE.matcher(md);
        return new Content(m.find() ? m.group(1) : null, null, md + "\n");
    }

    private static String text(Path file) {
        try {
            return PlainText.decode(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file name without directories and extension, as a last-resort title. */
    static String baseName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        name = (dot > 0 ? name.substring(0, dot) : name).strip();
        return name.isEmpty() ? "manual" : name;
    }
}
