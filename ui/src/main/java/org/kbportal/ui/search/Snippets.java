package org.kbportal.ui.search;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Makes a search snippet safe to insert as HTML. The backend escapes the text and marks matches
 * with {@code <em>}; sanitising anyway means a future backend bug cannot become an XSS hole.
 */
final class Snippets {

    private static final Safelist ONLY_EM = Safelist.none().addTags("em");
    private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);

    private Snippets() {}

    /** The snippet with every tag but a bare {@code <em>} removed; null becomes empty. */
    static String sanitize(String snippet) {
        if (snippet == null || snippet.isBlank()) {
            return "";
        }
        return Jsoup.clean(snippet, "", ONLY_EM, COMPACT);
    }
}
