package org.kbportal.ui.question;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/**
 * The HTML of questions and messages. The backend sanitises it already; the UI cleans it once more
 * before it becomes innerHTML, so a bug or a bypass there cannot put script into the page.
 */
final class QuestionHtml {

    private QuestionHtml() {}

    /** Basic formatting only (paragraphs, emphasis, lists, links, code), nothing active. */
    static String clean(String html) {
        return html == null ? "" : Jsoup.clean(html, Safelist.basic());
    }

    /**
     * What someone typed into a plain text area as HTML: escaped, blank lines separate
     * paragraphs, single line breaks stay.
     */
    static String fromPlainText(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.strip().replace("\r\n", "\n").split("\n\\s*\n")) {
            html.append("<p>")
                    .append(Entities.escape(paragraph.strip()).replace("\n", "<br>"))
                    .append("</p>");
        }
        return html.toString();
    }
}
