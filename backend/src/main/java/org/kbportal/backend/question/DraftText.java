package org.kbportal.backend.question;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The text of a question or an answer as it goes into a FAQ/case draft: Markdown with its paragraphs and lists kept,
 * contact data replaced by a placeholder in the article's language, and no mention of the question's attachments
 * (they stay with the question, so "see the attached log" would point readers at nothing).
 */
final class DraftText {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    /** Mainland mobiles, landlines with area code, international numbers, 400/800 numbers. */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\w])(?:\\+?\\d{1,3}[ -]?)?(?:\\(?0\\d{2,3}\\)?[ -]?\\d{7,8}|1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4}"
                    + "|[48]00[ -]?\\d{3}[ -]?\\d{4}|\\d{3}[ -]\\d{3}[ -]\\d{4})(?![\\w])");
    // private-use characters hold the placeholders while the text is escaped for Markdown
    private static final String EMAIL_MARK = "\uE000";
    private static final String PHONE_MARK = "\uE001";

    /** Phrases that only point at an attachment: removed, the rest of the sentence stays. */
    private static final List<Pattern> POINTERS = List.of(
            Pattern.compile("[（(]\\s*(?:见|详见|参见)?附件[^）)]*[）)]"),
            Pattern.compile("[，,、]?\\s*(?:截图|日志|详情|详细信息|配置|错误信息|报错)?(?:请)?(?:详|参)?见附件(?:中的?|里的?)?"
                    + "(?:截图|图片|文件|日志)?(?=[。．.；;！!]|$)"),
            Pattern.compile("(?:如|见)附件(?:截图|图片)?所示[，,]?"),
            Pattern.compile("附件(?:中|里)的?"),
            Pattern.compile(
                    "\\s*\\((?:please\\s+)?(?:see|refer to|check)[^)]*attach[^)]*\\)", Pattern.CASE_INSENSITIVE),
            Pattern.compile(",?\\s*as attached", Pattern.CASE_INSENSITIVE));
    /** A sentence that still talks about an attachment after the pointers are gone is left out. */
    private static final Pattern MENTION =
            Pattern.compile("附件|附图|attach(?:ed|ment)|screenshot below", Pattern.CASE_INSENSITIVE);
    /** Sentences end at Chinese end marks, or at a full stop followed by a space or the end (not in "v1.2"). */
    private static final Pattern SENTENCE =
            Pattern.compile("[^。！？!?；;.]*(?:\\.(?![\\s]|$)[^。！？!?；;.]*)*(?:[。！？!?；;]+|\\.+\\s*|$)");

    private final boolean zh;
    private final List<String> attachmentNames;

    private DraftText(boolean zh, Collection<String> attachmentNames) {
        this.zh = zh;
        this.attachmentNames = attachmentNames.stream()
                .filter(n -> n != null && n.strip().length() >= 3)
                .map(n -> n.strip().toLowerCase(Locale.ROOT))
                .toList();
    }

    /**
     * The basic HTML of a question or message as Markdown for an article in Chinese ({@code zh}) or English.
     *
     * @param attachmentNames file names of the question's attachments; a sentence naming one is left out
     */
    static String markdown(String html, boolean zh, Collection<String> attachmentNames) {
        DraftText draft = new DraftText(zh, attachmentNames);
        List<String> blocks = new ArrayList<>();
        draft.blocks(Jsoup.parseBodyFragment(html == null ? "" : html).body(), blocks);
        return String.join("\n\n", blocks).strip();
    }

    /** A title or other plain line: contact data replaced, no Markdown. */
    static String plain(String text, boolean zh) {
        return text == null ? null : placeholders(marks(text), zh);
    }

    private void blocks(Element parent, List<String> out) {
        StringBuilder inline = new StringBuilder();
        for (Node node : parent.childNodes()) {
            if (node instanceof Element e && isBlock(e)) {
                paragraphs(inline, out);
                block(e, out);
            } else {
                inline(node, inline);
            }
        }
        paragraphs(inline, out);
    }

    private void block(Element e, List<String> out) {
        switch (e.normalName()) {
            case "ul", "ol" -> {
                List<String> items = new ArrayList<>();
                int n = 1;
                for (Element li : e.children()) {
                    if (!li.normalName().equals("li")) {
                        continue;
                    }
                    StringBuilder text = new StringBuilder();
                    for (Node child : li.childNodes()) {
                        inline(child, text);
                    }
                    String item = clean(text.toString()).replace("\n", " ").strip();
                    if (!item.isEmpty()) {
                        items.add((e.normalName().equals("ol") ? (n++) + ". " : "- ") + item);
                    }
                }
                if (!items.isEmpty()) {
                    out.add(String.join("\n", items));
                }
            }
            case "pre" -> {
                String code = placeholders(marks(e.wholeText()), zh).strip();
                if (!code.isEmpty()) {
                    out.add("```\n" + code + "\n```");
                }
            }
            case "blockquote" -> {
                List<String> inner = new ArrayList<>();
                blocks(e, inner);
                if (!inner.isEmpty()) {
                    out.add("> " + String.join("\n\n", inner).replace("\n", "\n> "));
                }
            }
            default -> blocks(e, out);
        }
    }

    private void inline(Node node, StringBuilder out) {
        if (node instanceof TextNode t) {
            out.append(escape(marks(t.getWholeText().replace('\n', ' '))));
        } else if (node instanceof Element e) {
            switch (e.normalName()) {
                case "br" -> out.append('\n');
                case "code" ->
                    out.append('`').append(marks(e.text()).replace("`", "'")).append('`');
                case "a" -> {
                    String href = e.attr("href");
                    String label = inlineOf(e);
                    if (href.contains("/attachments/")) {
                        out.append(' ');
                    } else if (href.startsWith("http://") || href.startsWith("https://")) {
                        out.append('[')
                                .append(label)
                                .append("](")
                                .append(href.replace(")", "%29"))
                                .append(')');
                    } else {
                        out.append(label);
                    }
                }
                case "b", "strong" -> emphasis(out, inlineOf(e), "**");
                case "i", "em" -> emphasis(out, inlineOf(e), "*");
                default -> e.childNodes().forEach(c -> inline(c, out));
            }
        }
    }

    private String inlineOf(Element e) {
        StringBuilder s = new StringBuilder();
        e.childNodes().forEach(c -> inline(c, s));
        return s.toString();
    }

    private static void emphasis(StringBuilder out, String text, String mark) {
        if (!text.isBlank()) {
            out.append(mark).append(text.strip()).append(mark);
        }
    }

    /** Inline text gathered so far becomes paragraphs: blank lines separate them, single breaks stay. */
    private void paragraphs(StringBuilder inline, List<String> out) {
        for (String paragraph : inline.toString().split("\n\\s*\n")) {
            String text = clean(paragraph);
            if (!text.isBlank()) {
                out.add(text.replaceAll("[ \\t]*\n[ \\t]*", "  \n"));
            }
        }
        inline.setLength(0);
    }

    /** Attachment pointers removed line by line, then the placeholders put in. */
    private String clean(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            String kept = withoutAttachments(line).replaceAll("[ \\t]{2,}", " ").strip();
            if (!kept.isEmpty()) {
                lines.add(kept);
            }
        }
        return placeholders(String.join("\n", lines), zh);
    }

    String withoutAttachments(String line) {
        String out = line;
        for (Pattern p : POINTERS) {
            out = p.matcher(out).replaceAll("");
        }
        StringBuilder kept = new StringBuilder();
        Matcher m = SENTENCE.matcher(out);
        int last = 0;
        while (m.find()) {
            String sentence = out.substring(last, m.end());
            last = m.end();
            if (!mentionsAttachment(sentence)) {
                kept.append(sentence);
            }
        }
        String rest = out.substring(last);
        if (!mentionsAttachment(rest)) {
            kept.append(rest);
        }
        return kept.toString().replaceAll("([。；;！？])[。．；;]+", "$1").replaceAll("^[，,、；;。.\\s]+", "");
    }

    private boolean mentionsAttachment(String sentence) {
        if (MENTION.matcher(sentence).find()) {
            return true;
        }
        String lower = sentence.toLowerCase(Locale.ROOT);
        return attachmentNames.stream().anyMatch(lower::contains);
    }

    private static String marks(String text) {
        String out = EMAIL.matcher(text).replaceAll(EMAIL_MARK);
        return PHONE.matcher(out).replaceAll(PHONE_MARK);
    }

    private static String placeholders(String text, boolean zh) {
        return text.replace(EMAIL_MARK, zh ? "（邮箱已隐去）" : "[e-mail removed]")
                .replace(PHONE_MARK, zh ? "（电话已隐去）" : "[phone removed]");
    }

    /** Characters Markdown would read as formatting are escaped; line-start markers too. */
    private static String escape(String text) {
        String out = text.replaceAll("([\\\\`*_\\[\\]<>])", "\\\\$1");
        out = out.replaceAll("^(\\s*)([#>+-])(\\s)", "$1\\\\$2$3");
        return out.replaceAll("^(\\s*\\d+)\\.(\\s)", "$1\\\\.$2");
    }

    private static boolean isBlock(Element e) {
        return switch (e.normalName()) {
            case "p", "div", "ul", "ol", "pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "table" -> true;
            default -> false;
        };
    }
}
