package org.kbportal.ui.article;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;
import org.kbportal.ui.client.Article;
import org.springframework.stereotype.Component;

/**
 * Markdown to HTML that is safe to put into the page. Two layers: commonmark drops {@code
 * javascript:} link targets, then jsoup keeps only {@link Safelist#relaxed()} tags and attributes
 * (no scripts, styles, frames, event handlers or ids) and only http, https and mailto links.
 * Articles are written by administrators, but imported content and a stolen admin account must
 * not be able to run script in readers' browsers. Images are kept only when stored in the portal
 * (a relative address) or from a host on {@link ContentImageHosts}; any other image is replaced by its
 * alternative text, so opening an article tells no third party who read it.
 */
@Component
public class MarkdownRenderer {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    // relative links are kept: articles may link to each other ("article/FAQ-DB-001")
    private static final String BASE = "https://kb.invalid/";
    private static final Safelist SAFE = Safelist.relaxed()
            .addAttributes("th", "align")
            .addAttributes("td", "align")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .preserveRelativeLinks(true);

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer =
            HtmlRenderer.builder().extensions(EXTENSIONS).sanitizeUrls(true).build();
    private final ContentImageHosts imageHosts;

    /** Images only from the portal itself. */
    public MarkdownRenderer() {
        this(ContentImageHosts.NONE);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public MarkdownRenderer(ContentImageHosts imageHosts) {
        this.imageHosts = imageHosts;
    }

    /** Safe HTML for the Markdown; empty for null or blank input. */
    public String render(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        String html = renderer.render(parser.parse(markdown));
        Document doc = Jsoup.parseBodyFragment(Jsoup.clean(html, BASE, SAFE, output()), BASE);
        doc.outputSettings(output());
        for (Element img : doc.select("img")) {
            if (!allowedImage(img.attr("src"))) {
                String alt = img.attr("alt").strip();
                if (alt.isEmpty()) {
                    img.remove();
                } else {
                    img.replaceWith(new org.jsoup.nodes.TextNode("[" + alt + "]"));
                }
            }
        }
        return doc.body().html();
    }

    /** Stored in the portal (relative to it, not protocol-relative), or from an allowed host. */
    private boolean allowedImage(String src) {
        String s = src == null ? "" : src.strip();
        if (s.isEmpty()) {
            return false;
        }
        java.net.URI uri;
        try {
            uri = java.net.URI.create(BASE).resolve(s.replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            return false;
        }
        if ("kb.invalid".equalsIgnoreCase(uri.getHost()) && "https".equals(uri.getScheme())) {
            // relative: served by the portal (an absolute https://kb.invalid/ is not one of ours)
            return !s.regionMatches(true, 0, "https:", 0, 6) && !s.startsWith("//") && !s.startsWith("\\");
        }
        return imageHosts.allows(uri);
    }

    /**
     * Like {@link #render}, and gives the headings that start manual sections the ids {@link
     * #anchor(int)}, so that the table of contents and section search hits can jump to them.
     * The backend splits manuals at level-1 and level-2 headings; headings are matched to
     * sections by text first and by order when the text differs (inline markup in a heading).
     */
    public String renderManual(String markdown, List<Article.Section> sections) {
        String safe = render(markdown);
        if (safe.isEmpty() || sections.isEmpty()) {
            return safe;
        }
        Document doc = Jsoup.parseBodyFragment(safe);
        doc.outputSettings(output());
        // uploaded documents have sections down to level 3 (their Markdown marks them explicitly)
        List<Element> headings = doc.select("h1, h2, h3");
        int next = 0;
        for (Article.Section section : sections) {
            if (section.heading() == null || section.heading().isBlank()) {
                continue; // the introduction before the first heading: the top of the body
            }
            int found = -1;
            for (int i = next; i < headings.size() && found < 0; i++) {
                if (words(headings.get(i).text()).equals(words(section.heading()))) {
                    found = i;
                }
            }
            for (int i = next; i < headings.size() && found < 0; i++) {
                if (!headings.get(i).normalName().equals("h3")) {
                    found = i; // inline markup changed the text: the next section-level heading
                }
            }
            if (found < 0) {
                break;
            }
            headings.get(found).attr("id", anchor(section.number()));
            next = found + 1;
        }
        return doc.body().html();
    }

    /** The element id of a manual section's heading. */
    public static String anchor(int sectionNumber) {
        return "section-" + sectionNumber;
    }

    private static String words(String text) {
        return text.replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static Document.OutputSettings output() {
        // no pretty printing: it would change the text inside <pre> blocks
        return new Document.OutputSettings().prettyPrint(false);
    }
}
