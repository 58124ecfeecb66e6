package org.kbportal.backend.manual;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML text with jsoup: {@code h1}–{@code h3} start sections, block elements become paragraphs,
 * {@code pre} stays a code block, tables become Markdown tables; scripts, styles and navigation
 * are dropped. Never rendered: only the text is kept.
 */
final class HtmlExtractor {

    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3");
    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "section",
            "article",
            "li",
            "dt",
            "dd",
            "blockquote",
            "h4",
            "h5",
            "h6",
            "br",
            "hr",
            "tr",
            "figcaption",
            "address",
            "main",
            "ul",
            "ol",
            "dl",
            "caption");

    private HtmlExtractor() {}

    static ExtractedDocument extract(String html, ExtractionProgress progress) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, noscript, template, nav, iframe, object, svg, head")
                .remove();
        String title = doc.title().isBlank() ? null : doc.title().strip();
        Collector collector = new Collector();
        NodeTraversor.traverse(collector, doc.body());
        collector.finish();
        progress.update(1, 1);
        if (collector.sections.isEmpty() && collector.intro.isBlank()) {
            throw DocumentProblems.noText(DocumentFormat.HTML);
        }
        return new ExtractedDocument(title, null, collector.intro, collector.sections);
    }

    /** Walks the body once, cutting at headings and turning blocks, tables and pre into Markdown. */
    private static final class Collector implements NodeVisitor {
        final List<ExtractedDocument.Section> sections = new ArrayList<>();
        String intro = "";
        private String heading;
        private int level;
        private StringBuilder text = new StringBuilder();
        private StringBuilder line = new StringBuilder();

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode t && !insideSpecial(t)) {
                line.append(t.text());
            } else if (node instanceof Element e) {
                String tag = e.normalName();
                if (HEADINGS.contains(tag)) {
                    endParagraph();
                    startSection(e.text().strip(), tag.charAt(1) - '0');
                } else if (tag.equals("pre")) {
                    endParagraph();
                    text.append("```\n")
                            .append(e.wholeText().replace("```", "'''").strip())
                            .append("\n```\n\n");
                } else if (tag.equals("table")) {
                    endParagraph();
                    text.append(table(e)).append('\n');
                } else if (BLOCKS.contains(tag)) {
                    endParagraph();
                    if (tag.equals("li")) {
                        line.append("\u0000");
                    }
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                endParagraph();
            }
        }

        private static boolean insideSpecial(Node node) {
            for (Node p = node.parentNode(); p != null; p = p.parentNode()) {
                if (p instanceof Element e) {
                    String tag = e.normalName();
                    if (HEADINGS.contains(tag) || tag.equals("pre") || tag.equals("table")) {
                        return true;
                    }
                }
            }
            return false;
        }

        private void endParagraph() {
            boolean item = line.length() > 0 && line.charAt(0) == '\u0000';
            String content = line.toString()
                    .replace("\u0000", "")
                    .replaceAll("\\s+", " ")
                    .strip();
            if (!content.isEmpty()) {
                text.append(item ? "- " : "")
                        .append(ManualMarkdown.escape(content))
                        .append("\n\n");
            }
            line = new StringBuilder();
        }

        private void startSection(String newHeading, int newLevel) {
            if (newHeading.isEmpty()) {
                return; // an empty heading: its text stays in the current section
            }
            flushSection();
            heading = newHeading;
            level = newLevel;
        }

        private void flushSection() {
            String body = PlainText.tidy(text.toString());
            if (heading == null) {
                intro = body.isEmpty() ? intro : (intro.isEmpty() ? body : intro + "\n\n" + body);
            } else {
                sections.add(new ExtractedDocument.Section(heading, level, null, body));
            }
            text = new StringBuilder();
        }

        void finish() {
            endParagraph();
            flushSection();
        }

        private static String table(Element table) {
            StringBuilder sb = new StringBuilder();
            boolean first = true;
            for (Element row : table.select("tr")) {
                List<String> cells = row.select("th, td").stream()
                        .map(c -> ManualMarkdown.tableCell(c.text()))
                        .toList();
                if (cells.isEmpty()) {
                    continue;
                }
                sb.append("| ").append(String.join(" | ", cells)).append(" |\n");
                if (first) {
                    sb.append("|").append(" --- |".repeat(cells.size())).append('\n');
                    first = false;
                }
            }
            return sb.toString();
        }
    }
}
