package org.kbportal.backend.search.elasticsearch;

import static org.kbportal.backend.search.elasticsearch.UnitMapping.BODY;
import static org.kbportal.backend.search.elasticsearch.UnitMapping.BODY_TERMS;
import static org.kbportal.backend.search.elasticsearch.UnitMapping.CATEGORY_PATH;
import static org.kbportal.backend.search.elasticsearch.UnitMapping.LANG;
import static org.kbportal.backend.search.elasticsearch.UnitMapping.STATUS;
import static org.kbportal.backend.search.elasticsearch.UnitMapping.TAGS_TERMS;
import static org.kbportal.backend.search.elasticsearch.UnitMapping.TITLE;
import static org.kbportal.backend.search.elasticsearch.UnitMapping.TITLE_TERMS;
import static org.kbportal.backend.search.elasticsearch.UnitMapping.TYPE;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import java.util.ArrayList;
import java.util.List;
import org.kbportal.backend.search.EngineQuery;
import org.kbportal.backend.search.QueryWords;

/**
 * The queries both engines agree on, in Query DSL: BM25 summed over title (×2), body and tags for the
 * query's words (any of them), each synonym expansion as a phrase (×0.8), fuzzy words on request;
 * visibility as a filter that facets respect, type / lang / category filters that they ignore.
 */
final class UnitQueries {

    static final String PUBLISHED = "PUBLISHED";
    static final float TITLE_BOOST = 2f;
    static final float TAGS_BOOST = 1.5f;
    static final float EXPANSION_BOOST = 0.8f;

    private UnitQueries() {}

    /**
     * What the words (and expansions) match, without any filter: on the fields holding the
     * application's terms ({@link AppAnalysis}), with the query analysed the same way, so the lexical
     * ranking equals the embedded engine's on any node.
     */
    static Query text(EngineQuery q) {
        List<Query> should = new ArrayList<>();
        String terms = AppAnalysis.terms(q.text());
        if (!terms.isEmpty()) {
            should.add(Query.of(b -> b.multiMatch(m -> m.query(terms)
                    .type(TextQueryType.MostFields)
                    .operator(Operator.Or)
                    .fields(TITLE_TERMS + "^" + TITLE_BOOST, BODY_TERMS, TAGS_TERMS + "^" + TAGS_BOOST))));
        }
        for (String phrase : q.expansions()) {
            String phraseTerms = AppAnalysis.terms(phrase);
            if (phraseTerms.isEmpty()) {
                continue;
            }
            should.add(Query.of(b -> b.bool(e -> e.boost(EXPANSION_BOOST)
                    .should(s -> s.matchPhrase(
                            p -> p.field(TITLE_TERMS).query(phraseTerms).boost(TITLE_BOOST)))
                    .should(s -> s.matchPhrase(p -> p.field(BODY_TERMS).query(phraseTerms))))));
        }
        if (q.fuzzy() && !terms.isEmpty()) {
            should.add(Query.of(b -> b.multiMatch(m -> m.query(terms)
                    .type(TextQueryType.MostFields)
                    .operator(Operator.Or)
                    .fuzziness("AUTO")
                    .prefixLength(1)
                    .fields(TITLE_TERMS + "^" + TITLE_BOOST, BODY_TERMS))));
        }
        if (should.isEmpty()) {
            return Query.of(b -> b.matchNone(n -> n));
        }
        return Query.of(b -> b.bool(x -> x.should(should).minimumShouldMatch("1")));
    }

    /** The query that marks matches in the body snippet: the words and expansions on the displayed field. */
    static Query highlight(EngineQuery q) {
        List<Query> should = new ArrayList<>();
        // Latin words as matched, Han text as bigram phrases: a single shared character is never highlighted
        String latin = QueryWords.withoutHan(q.text()).strip();
        if (latin.codePoints().anyMatch(Character::isLetterOrDigit)) {
            should.add(Query.of(b -> b.match(m -> {
                m.field(BODY).query(latin);
                return q.fuzzy() ? m.fuzziness("AUTO") : m;
            })));
        }
        for (String bigram : QueryWords.hanBigrams(q.text())) {
            should.add(Query.of(b -> b.matchPhrase(p -> p.field(BODY).query(bigram))));
        }
        if (should.isEmpty() && q.expansions().isEmpty()) {
            return Query.of(b -> b.matchNone(n -> n));
        }
        for (String phrase : q.expansions()) {
            should.add(Query.of(b -> b.matchPhrase(p -> p.field(BODY).query(phrase))));
        }
        return Query.of(b -> b.bool(x -> x.should(should).minimumShouldMatch("1")));
    }

    /** Only published units, unless curators asked for everything. */
    static List<Query> visibility(boolean includeUnpublished) {
        return includeUnpublished ? List.of() : List.of(term(STATUS, PUBLISHED));
    }

    /** The type, lang and category filters. */
    static List<Query> narrowing(EngineQuery q) {
        List<Query> filters = new ArrayList<>();
        if (q.type() != null) {
            filters.add(term(TYPE, q.type()));
        }
        if (q.lang() != null) {
            filters.add(term(LANG, q.lang()));
        }
        if (q.categories() != null && !q.categories().isEmpty()) {
            List<FieldValue> codes = q.categories().stream().map(FieldValue::of).toList();
            filters.add(Query.of(b -> b.terms(t -> t.field(CATEGORY_PATH).terms(v -> v.value(codes)))));
        }
        return filters;
    }

    /**
     * The filter the user chose on each facet field ({@code type}, {@code category}, {@code lang}), absent
     * where there is none: a facet is counted under the other fields' filters, never under its own.
     */
    static java.util.Map<String, Query> facetFilters(EngineQuery q) {
        java.util.Map<String, Query> filters = new java.util.LinkedHashMap<>();
        if (q.type() != null) {
            filters.put(TYPE, term(TYPE, q.type()));
        }
        if (q.categories() != null && !q.categories().isEmpty()) {
            List<FieldValue> codes = q.categories().stream().map(FieldValue::of).toList();
            filters.put(
                    UnitMapping.CATEGORY,
                    Query.of(b -> b.terms(t -> t.field(CATEGORY_PATH).terms(v -> v.value(codes)))));
        }
        if (q.lang() != null) {
            filters.put(LANG, term(LANG, q.lang()));
        }
        return filters;
    }

    static List<Query> concat(List<Query> a, List<Query> b) {
        List<Query> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Titles containing every complete word typed, the last one as a prefix. */
    static Query titlePrefix(String prefix, boolean includeUnpublished) {
        return Query.of(b -> b.bool(x -> x.must(
                        m -> m.matchBoolPrefix(p -> p.field(TITLE).query(prefix).operator(Operator.And)))
                .filter(visibility(includeUnpublished))));
    }

    static Query term(String field, String value) {
        return Query.of(b -> b.term(t -> t.field(field).value(value)));
    }
}
