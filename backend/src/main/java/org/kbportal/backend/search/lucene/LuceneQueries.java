package org.kbportal.backend.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.kbportal.backend.search.EngineQuery;
import org.kbportal.backend.search.QueryWords;

/**
 * Builds Lucene queries from user text without a query parser, so syntax characters are just text:
 * every analysed term is OR'ed over title (boosted), body and tags ("most fields"), synonym
 * expansions are added as phrases, and in fuzzy mode longer words also match within 1-2 edits.
 */
final class LuceneQueries {

    static final String ID = "id";
    static final String ARTICLE_ID = "article_id";
    static final String PRIMARY = "primary";
    static final String TYPE = "type";
    static final String LANG = "lang";
    static final String CATEGORY = "category";
    static final String CATEGORY_PATH = "category_path";
    static final String STATUS = "status";
    static final String TITLE = "title";
    static final String BODY = "body";
    static final String TAGS = "tags";
    static final String SPELL = "spell";
    static final String UPDATED = "updated";

    /** Field weights (most_fields sum); title 2 was best on StackFAQ dev (docs/RELEVANCE.md). */
    static final float TITLE_BOOST = 2f;

    static final float TAGS_BOOST = 1.5f;
    static final float EXPANSION_BOOST = 0.8f;
    static final float FUZZY_BOOST = 0.5f;
    static final int MAX_TERMS = 400;

    private final Analyzer analyzer;

    LuceneQueries(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** The words part: null when the text has nothing searchable (e.g. only stop words). */
    Query text(EngineQuery q) {
        Map<String, Integer> terms = terms(q.text());
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int clauses = 0;
        for (Map.Entry<String, Integer> t : terms.entrySet()) {
            float repeat = t.getValue();
            b.add(boost(new TermQuery(new Term(TITLE, t.getKey())), TITLE_BOOST * repeat), Occur.SHOULD);
            b.add(boost(new TermQuery(new Term(BODY, t.getKey())), repeat), Occur.SHOULD);
            b.add(boost(new TermQuery(new Term(TAGS, t.getKey())), TAGS_BOOST * repeat), Occur.SHOULD);
            clauses++;
            if (q.fuzzy() && isFuzzyCandidate(t.getKey())) {
                int edits = t.getKey().length() >= 8 ? 2 : 1;
                b.add(
                        boost(new FuzzyQuery(new Term(TITLE, t.getKey()), edits, 1), FUZZY_BOOST * TITLE_BOOST),
                        Occur.SHOULD);
                b.add(boost(new FuzzyQuery(new Term(BODY, t.getKey()), edits, 1), FUZZY_BOOST), Occur.SHOULD);
            }
        }
        for (String expansion : q.expansions()) {
            List<String> tokens = tokens(expansion);
            if (tokens.isEmpty()) {
                continue;
            }
            b.add(boost(phrase(TITLE, tokens), EXPANSION_BOOST * TITLE_BOOST), Occur.SHOULD);
            b.add(boost(phrase(BODY, tokens), EXPANSION_BOOST), Occur.SHOULD);
            clauses++;
        }
        return clauses == 0 ? null : b.build();
    }

    /**
     * What snippets highlight: Latin words as the words query matches them (typo tolerance and synonym
     * phrases included), Han text as bigram phrases, so a single character shared with the query is
     * never highlighted on its own. Null when there is nothing to highlight.
     */
    Query highlight(EngineQuery q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int clauses = 0;
        Query latin = text(new EngineQuery(
                QueryWords.withoutHan(q.text()),
                q.expansions(),
                q.fuzzy(),
                null,
                q.vectorLang(),
                q.type(),
                q.categories(),
                q.lang(),
                q.includeUnpublished()));
        if (latin != null) {
            b.add(latin, Occur.SHOULD);
            clauses++;
        }
        for (String bigram : QueryWords.hanBigrams(q.text())) {
            List<String> tokens = tokens(bigram);
            if (tokens.size() == 2) {
                b.add(phrase(BODY, tokens), Occur.SHOULD);
                clauses++;
            }
        }
        return clauses == 0 ? null : b.build();
    }

    /** Visibility and the filters the user chose. */
    static void filters(BooleanQuery.Builder b, EngineQuery q, boolean withUserFilters) {
        if (!q.includeUnpublished()) {
            b.add(new TermQuery(new Term(STATUS, "PUBLISHED")), Occur.FILTER);
        }
        if (withUserFilters) {
            narrowing(b, q);
        }
    }

    /** The type, lang and category filters the user chose; false when there are none. */
    static boolean narrowing(BooleanQuery.Builder b, EngineQuery q) {
        boolean any = false;
        if (q.type() != null) {
            b.add(new TermQuery(new Term(TYPE, q.type())), Occur.FILTER);
            any = true;
        }
        if (q.lang() != null) {
            b.add(new TermQuery(new Term(LANG, q.lang())), Occur.FILTER);
            any = true;
        }
        if (q.categories() != null && !q.categories().isEmpty()) {
            b.add(
                    new TermInSetQuery(
                            CATEGORY_PATH,
                            q.categories().stream().map(BytesRef::new).toList()),
                    Occur.FILTER);
            any = true;
        }
        return any;
    }

    /**
     * The filter of each facet field the user chose, in the order {@code type, category, lang}; null where
     * that facet is not filtered. A facet is counted under the others' filters, never under its own.
     */
    static Query[] facetFilters(EngineQuery q) {
        Query[] filters = new Query[3];
        if (q.type() != null) {
            filters[0] = new TermQuery(new Term(TYPE, q.type()));
        }
        if (q.categories() != null && !q.categories().isEmpty()) {
            filters[1] = new TermInSetQuery(
                    CATEGORY_PATH, q.categories().stream().map(BytesRef::new).toList());
        }
        if (q.lang() != null) {
            filters[2] = new TermQuery(new Term(LANG, q.lang()));
        }
        return filters;
    }

    /** Title suggestions: every complete word must match; the last one also as a prefix. */
    Query suggest(String typed, boolean includeUnpublished) {
        String trimmed = typed.stripLeading();
        List<String> tokens = List.copyOf(terms(trimmed).keySet());
        if (tokens.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean typingWord = !trimmed.isEmpty()
                && Character.isLetterOrDigit(trimmed.charAt(trimmed.length() - 1))
                && trimmed.charAt(trimmed.length() - 1) < 0x2E80;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (i == tokens.size() - 1 && typingWord) {
                String raw = lastWord(trimmed).toLowerCase(java.util.Locale.ROOT);
                BooleanQuery.Builder last = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(TITLE, t)), Occur.SHOULD)
                        .add(new PrefixQuery(new Term(TITLE, raw.isEmpty() ? t : raw)), Occur.SHOULD);
                b.add(last.build(), Occur.MUST);
            } else {
                b.add(new TermQuery(new Term(TITLE, t)), Occur.MUST);
            }
        }
        if (!includeUnpublished) {
            b.add(new TermQuery(new Term(STATUS, "PUBLISHED")), Occur.FILTER);
        }
        return b.build();
    }

    private static String lastWord(String s) {
        int i = s.length();
        while (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1)) && s.charAt(i - 1) < 0x2E80) {
            i--;
        }
        return s.substring(i);
    }

    /** Analysed terms with how often each occurs, in first-seen order. */
    Map<String, Integer> terms(String text) {
        Map<String, Integer> terms = new LinkedHashMap<>();
        for (String t : tokens(text)) {
            if (terms.size() < MAX_TERMS || terms.containsKey(t)) {
                terms.merge(t, 1, Integer::sum);
            }
        }
        return terms;
    }

    /** Analysed terms in order, repeats kept (for phrases). */
    List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(BODY, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && tokens.size() < 10 * MAX_TERMS) {
                tokens.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private static Query phrase(String field, List<String> tokens) {
        if (tokens.size() == 1) {
            return new TermQuery(new Term(field, tokens.get(0)));
        }
        PhraseQuery.Builder p = new PhraseQuery.Builder();
        List<Term> terms = new ArrayList<>();
        tokens.forEach(t -> terms.add(new Term(field, t)));
        terms.forEach(p::add);
        return p.build();
    }

    private static boolean isFuzzyCandidate(String term) {
        return term.length() >= 4 && term.chars().allMatch(c -> c < 128 && Character.isLetter(c));
    }

    private static Query boost(Query q, float boost) {
        return boost == 1f ? q : new BoostQuery(q, boost);
    }
}
