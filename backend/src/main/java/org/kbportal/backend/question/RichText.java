package org.kbportal.backend.question;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;

/** Question and message bodies: rich text reduced to safe markup, plain text (redaction for drafts: {@link DraftText}). */
final class RichText {

    private static final Document.OutputSettings RAW = new Document.OutputSettings().prettyPrint(false);

    private RichText() {}

    /** Only the markup of {@link Safelist#basic()} survives (no scripts, styles, images, handlers). */
    static String sanitise(String html) {
        return Jsoup.clean(html == null ? "" : html, "", Safelist.basic(), RAW).strip();
    }

    /** Plain text with line breaks for paragraphs and {@code <br>}. */
    static String text(String html) {
        String withBreaks = html.replaceAll("(?i)<br\\s*/?>|</p>|</li>|</div>", "\n");
        String stripped = Jsoup.clean(withBreaks, "", Safelist.none(), RAW);
        return Parser.unescapeEntities(stripped, false)
                .replaceAll("\n{3,}", "\n\n")
                .strip();
    }
}
