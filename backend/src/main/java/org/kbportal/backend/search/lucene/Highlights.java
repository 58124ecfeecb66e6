package org.kbportal.backend.search.lucene;

import static org.kbportal.backend.search.lucene.LuceneQueries.*;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.kbportal.backend.search.QueryWords;
import org.kbportal.backend.search.Snippets;

/** Snippets of the body with the matched words in {@code <em>}, from the offsets in the postings. */
final class Highlights {

    static String[] snippets(IndexSearcher searcher, Analyzer analyzer, Query query, ScoreDoc[] docs)
            throws IOException {
        String[] out = new String[docs.length];
        if (docs.length == 0) {
            return out;
        }
        if (query != null) {
            UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                    .withFormatter(new DefaultPassageFormatter("<em>", "</em>", Snippets.SEPARATOR, true))
                    .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                            BreakIterator.getSentenceInstance(Locale.ROOT), Snippets.FRAGMENT_CHARS, 0.3f))
                    .withMaxLength(200_000)
                    .build();
            // the highlighter wants documents in index order; map results back afterwards
            ScoreDoc[] sorted = docs.clone();
            java.util.Arrays.sort(sorted, Comparator.comparingInt(sd -> sd.doc));
            String[] byDoc = highlighter.highlight(
                    BODY, query, new TopDocs(new TotalHits(sorted.length, TotalHits.Relation.EQUAL_TO), sorted), 2);
            Map<Integer, String> snippet = new HashMap<>();
            for (int i = 0; i < sorted.length; i++) {
                snippet.put(sorted[i].doc, byDoc[i]);
            }
            for (int i = 0; i < docs.length; i++) {
                out[i] = QueryWords.joinHighlights(snippet.get(docs[i].doc));
            }
        }
        var stored = searcher.storedFields();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null || out[i].isBlank()) {
                Document d = stored.document(docs[i].doc);
                String body = d.get(BODY);
                out[i] = Snippets.of(List.of(), d.get(TITLE), body);
            }
        }
        return out;
    }

    private Highlights() {}
}
