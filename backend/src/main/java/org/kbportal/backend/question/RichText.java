package org.kbportal.backend.question;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;

/** Question and message bodies: rich text reduced to safe markup, plain text and redaction. */
final class RichText {

    private static final Document.OutputSettings RAW = new Document.OutputSettings().prettyPrint(false);
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    /** Mainland mobiles, landlines with area code, international numbers, 400/800 numbers. */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\w])(?:\\+?\\d{1,3}[ -]?)?(?:\\(?0\\d{2,3}\\)?[ -]?\\d{7,8}|1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4}"
                    + "|[48]00[ -]?\\d{3}[ -]?\\d{4}|\\d{3}[ -]\\d{3}[ -]\\d{4})(?![\\w])");

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

    /** E-mail addresses and phone numbers replaced, for text that becomes public knowledge. */
    static String redact(String text) {
        return redact(text, false);
    }

    /** As {@link #redact(String)}, with the placeholders in Chinese for a Chinese article. */
    static String redact(String text, boolean chinese) {
        if (text == null) {
            return null;
        }
        String out = EMAIL.matcher(text).replaceAll(chinese ? "[邮箱已隐去]" : "[email removed]");
        return PHONE.matcher(out).replaceAll(chinese ? "[电话已隐去]" : "[phone removed]");
    }
}
