package org.kbportal.backend.search.elasticsearch;

import static org.kbportal.backend.search.elasticsearch.UnitMapping.BODY;
import static org.kbportal.backend.search.elasticsearch.UnitMapping.CATEGORY_PATH;
import static org.kbportal.backend.search.elasticsearch.UnitMapping.LANG;
import static org.kbportal.backend.search.elasticsearch.UnitMapping.STATUS;
import static org.kbportal.backend.search.elasticsearch.UnitMapping.TAGS;
import static org.kbportal.backend.search.elasticsearch.UnitMapping.TITLE;
import static org.kbportal.backend.search.elasticsearch.UnitMapping.TYPE;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import java.util.ArrayList;
import java.util.List;
import org.kbportal.backend.search.EngineQuery;

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

    /** What the words (and expansions) match, without any filter; also the highlight query. */
    static Query text(EngineQuery q) {
        List<Query> should = new ArrayList<>();
        String text = q.text() == null ? "" : q.text();
        should.add(Query.of(b -> b.multiMatch(m -> m.query(text)
                .type(TextQueryType.MostFields)
                .operator(Operator.Or)
                .fields(TITLE + "^" + TITLE_BOOST, BODY, TAGS + "^" + TAGS_BOOST))));
        for (String phrase : q.expansions()) {
            should.add(Query.of(b -> b.bool(e -> e.boost(EXPANSION_BOOST)
                    .should(s -> s.matchPhrase(p -> p.field(TITLE).query(phrase).boost(TITLE_BOOST)))
                    .should(s -> s.matchPhrase(p -> p.field(BODY).query(phrase))))));
        }
        if (q.fuzzy()) {
            should.add(Query.of(b -> b.multiMatch(m -> m.query(text)
                    .type(TextQueryType.MostFields)
                    .operator(Operator.Or)
                    .fuzziness("AUTO")
                    .prefixLength(1)
                    .fields(TITLE + "^" + TITLE_BOOST, BODY))));
        }
        return Query.of(b -> b.bool(x -> x.should(should).minimumShouldMatch("1")));
    }

    /** Only published units, unless curators asked for everything. */
    static List<Query> visibility(boolean includeUnpublished) {
        return includeUnpublished ? List.of() : List.of(term(STATUS, PUBLISHED));
    }

    /** The type, lang and category filters (applied after facets are counted). */
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

    static Query all(List<Query> filters) {
        return Query.of(b -> b.bool(x -> x.filter(filters)));
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
