package org.kbportal.backend.manual;

import java.util.regex.Pattern;
import org.kbportal.backend.article.ManualSection;

/**
 * Writes an extracted document as the Markdown body of a manual: each section is a marker line
 * (with its page) and a heading at its level, so the manual splits exactly into the document's
 * sections (see {@link ManualSection#split}). Extracted text is escaped so that characters that
 * happen to be Markdown syntax (a line starting with "#", a "*" or "<") stay text.
 */
final class ManualMarkdown {

    private static final Pattern INLINE = Pattern.compile("([\\\\`*_\\[\\]<>&|])");
    private static final Pattern LINE_START = Pattern.compile("(?m)^([#>+=~-])");
    private static final Pattern ORDERED = Pattern.compile("(?m)^(\\d{1,9})([.)])");
    private static final Pattern LEADING_BLANKS = Pattern.compile("(?m)^[ \\t]+");

    private ManualMarkdown() {}

    static String render(ExtractedDocument doc) {
        StringBuilder md = new StringBuilder();
        if (!doc.intro().isBlank()) {
            md.append(doc.intro().strip()).append("\n\n");
        }
        for (ExtractedDocument.Section s : doc.sections()) {
            md.append(ManualSection.marker(s.page()))
                    .append('\n')
                    .append("#".repeat(Math.max(1, Math.min(3, s.level()))))
                    .append(' ')
                    .append(heading(s.heading()))
                    .append("\n\n");
            if (!s.text().isBlank()) {
                md.append(s.text().strip()).append("\n\n");
            }
        }
        return md.toString().strip() + "\n";
    }

    /** Plain text as Markdown that renders as that text (paragraphs at blank lines). */
    static String escape(String plain) {
        String s = INLINE.matcher(plain).replaceAll("\\\\$1");
        s = LEADING_BLANKS.matcher(s).replaceAll("");
        s = LINE_START.matcher(s).replaceAll("\\\\$1");
        return ORDERED.matcher(s).replaceAll("$1\\\\$2");
    }

    /** A table cell: one line, escaped, with escaped pipes. */
    static String tableCell(String text) {
        return escape(text.replaceAll("\\s+", " ").strip());
    }

    private static String heading(String text) {
        String one = text.replaceAll("\\s+", " ").strip();
        return INLINE.matcher(one).replaceAll("\\\\$1").replaceAll("^([#>+=~-])", "\\\\$1");
    }
}
