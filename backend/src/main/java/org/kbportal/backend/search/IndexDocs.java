package org.kbportal.backend.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.kbportal.backend.article.Article;
import org.kbportal.backend.article.ArticleType;
import org.kbportal.backend.article.ManualSection;

/** Turns an article into its retrievable units: one per FAQ or case, one per manual section. */
final class IndexDocs {

    private static final Pattern FENCE = Pattern.compile("(?m)^(```|~~~).*$");
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^\\s{0,3}#{1,6}\\s*");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__|\\*|`)");
    private static final Pattern TABLE_RULE =
            Pattern.compile("(?m)^\\s*\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?\\s*$");
    private static final Pattern TABLE_ROW = Pattern.compile("(?m)^[ \\t]*\\|.*\\|[ \\t]*$");
    private static final Pattern HTML_TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9-]{0,20}(\\s[^<>]{0,200})?/?>");
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern ESCAPE = Pattern.compile("\\\\(?=\\p{Punct})");
    private static final Pattern BLANKS = Pattern.compile("[ \\t]+");
    private static final Pattern LINES = Pattern.compile("\\n{3,}");

    private IndexDocs() {}

    static List<IndexDoc> of(Article a, List<String> categoryPath) {
        long updated = a.updatedAt() == null ? 0 : a.updatedAt().toEpochMilli();
        String type = a.type().apiName();
        String status = a.status().name();
        if (a.type() == ArticleType.MANUAL) {
            List<IndexDoc> docs = new ArrayList<>();
            for (ManualSection s : a.sections()) {
                String title = (s.heading().isEmpty() ? a.title() : a.title() + " › " + s.heading()) + page(a, s);
                docs.add(new IndexDoc(
                        s.id(),
                        a.id(),
                        s.number() == 1,
                        type,
                        a.lang(),
                        a.category(),
                        categoryPath,
                        status,
                        title,
                        plain(s.body()),
                        a.tags(),
                        updated,
                        null));
            }
            return docs;
        }
        String body = a.type() == ArticleType.CASE ? caseText(a) : plain(a.body());
        return List.of(new IndexDoc(
                a.id(),
                a.id(),
                true,
                type,
                a.lang(),
                a.category(),
                categoryPath,
                status,
                a.title(),
                body,
                a.tags(),
                updated,
                null));
    }

    /** The page a section of an uploaded PDF starts on, shown with the hit's title. */
    private static String page(Article a, ManualSection s) {
        if (s.page() == null) {
            return "";
        }
        return "zh".equals(a.lang()) ? "（第 " + s.page() + " 页）" : " (p. " + s.page() + ")";
    }

    private static String caseText(Article a) {
        StringBuilder sb = new StringBuilder();
        for (String part : new String[] {a.symptom(), a.cause(), a.resolution(), a.affectedSystem(), a.body()}) {
            if (part != null && !part.isBlank()) {
                if (!sb.isEmpty()) {
                    sb.append('\n');
                }
                sb.append(plain(part));
            }
        }
        return sb.toString();
    }

    /** Markdown to readable plain text for matching and snippets (code text is kept, syntax dropped). */
    static String plain(String markdown) {
        if (markdown == null) {
            return "";
        }
        String s = COMMENT.matcher(markdown).replaceAll("");
        s = ESCAPE.matcher(s).replaceAll("");
        s = FENCE.matcher(s).replaceAll("");
        s = IMAGE.matcher(s).replaceAll("$1");
        s = LINK.matcher(s).replaceAll("$1");
        s = HEADING.matcher(s).replaceAll("");
        s = TABLE_RULE.matcher(s).replaceAll("");
        s = EMPHASIS.matcher(s).replaceAll("");
        s = HTML_TAG.matcher(s).replaceAll(" ");
        // table cells become words; a pipe elsewhere (a shell command such as `ps aux | grep java`) stays
        s = TABLE_ROW
                .matcher(s)
                .replaceAll(
                        m -> java.util.regex.Matcher.quoteReplacement(m.group().replace('|', ' ')));
        s = BLANKS.matcher(s).replaceAll(" ");
        s = LINES.matcher(s).replaceAll("\n\n");
        return s.strip();
    }
}
