package org.kbportal.backend.channel;

/** The words of group-robot and SMS messages (Chinese: they go to Chinese IT teams' groups and phones). */
final class MessageText {

    /** One SMS in Chinese: 70 characters. */
    static final int SMS_MAX = 70;

    private MessageText() {}

    static String heading(Payload p) {
        Payload.Data d = p.data();
        String subject =
                d.questionId() != null ? "问题 #" + d.questionId() : d.articleId() != null ? "知识 " + d.articleId() : "";
        return "【" + p.label() + "】" + subject + " " + oneLine(d.title(), 120);
    }

    /** Markdown for WeCom and DingTalk (their common subset: headings, lists, links). */
    static String markdown(Payload p) {
        Payload.Data d = p.data();
        StringBuilder sb = new StringBuilder("### ").append(heading(p)).append("\n");
        line(sb, "严重程度", d.severity());
        line(sb, "分类", d.category());
        line(sb, "状态", d.status());
        line(sb, "处理人", d.assignee());
        line(sb, "说明", oneLine(d.detail(), 300));
        if (d.link() != null) {
            sb.append("\n[")
                    .append(d.questionId() != null ? "打开问题" : "打开知识")
                    .append("](")
                    .append(d.link())
                    .append(")\n");
        }
        return sb.toString();
    }

    /** Plain text for Feishu. */
    static String plain(Payload p) {
        Payload.Data d = p.data();
        StringBuilder sb = new StringBuilder(heading(p)).append("\n");
        plainLine(sb, "严重程度", d.severity());
        plainLine(sb, "分类", d.category());
        plainLine(sb, "状态", d.status());
        plainLine(sb, "处理人", d.assignee());
        plainLine(sb, "说明", oneLine(d.detail(), 300));
        if (d.link() != null) {
            sb.append(d.link());
        }
        return sb.toString();
    }

    /** At most {@link #SMS_MAX} characters (code points), so it is one text message. */
    static String sms(Payload p) {
        Payload.Data d = p.data();
        String s = "【知识库】" + p.label() + (d.severity() != null ? " " + d.severity() + "级" : "")
                + (d.questionId() != null ? " #" + d.questionId() : "") + " " + oneLine(d.title(), 200);
        return cut(s, SMS_MAX);
    }

    static String cut(String s, int maxCodePoints) {
        if (s.codePointCount(0, s.length()) <= maxCodePoints) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, maxCodePoints - 1)) + "…";
    }

    /** No line breaks or markdown link syntax from user text, and a length limit. */
    static String oneLine(String s, int max) {
        if (s == null) {
            return null;
        }
        String flat = s.replaceAll("[\\r\\n\\t]+", " ")
                .replace("[", "［")
                .replace("]", "］")
                .strip();
        return cut(flat, max);
    }

    private static void line(StringBuilder sb, String label, String value) {
        if (value != null && !value.isBlank()) {
            sb.append("- ").append(label).append("：").append(value).append("\n");
        }
    }

    private static void plainLine(StringBuilder sb, String label, String value) {
        if (value != null && !value.isBlank()) {
            sb.append(label).append("：").append(value).append("\n");
        }
    }
}
