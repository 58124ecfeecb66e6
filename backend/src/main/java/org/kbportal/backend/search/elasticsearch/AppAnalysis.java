package org.kbportal.backend.search.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.kbportal.backend.search.lucene.KbAnalyzer;

/**
 * Analysis done in the application for the fields Elasticsearch scores on: text goes through the
 * embedded engine's {@link KbAnalyzer} and reaches the node as space-separated terms, which a {@code
 * whitespace} analyzer indexes as they are. Both engines then score exactly the same terms, whatever
 * analysis plugins a node has (the integ-test distribution has no stemming, stop words or width
 * folding; a cluster without the smartcn/ICU plugins is common in government data centres).
 */
final class AppAnalysis {

    private static final Analyzer ANALYZER = new KbAnalyzer();
    /** Long manual sections are cut (in terms) as Lucene's default max token count would not, but to bound requests. */
    private static final int MAX_TERMS = 100_000;

    private AppAnalysis() {}

    /** The analysed terms of {@code text}, separated by single spaces ("" when none). */
    static String terms(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        try (TokenStream ts = ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            int n = 0;
            while (ts.incrementToken() && n++ < MAX_TERMS) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(term);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String cannot fail
        }
        return sb.toString();
    }

    static String terms(List<String> texts) {
        return texts == null ? "" : terms(String.join(" \n ", texts));
    }
}
