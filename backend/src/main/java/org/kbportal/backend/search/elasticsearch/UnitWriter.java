package org.kbportal.backend.search.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kbportal.backend.search.IndexDoc;

/**
 * Writes units into one or more indices at once (the serving alias and, during a rebuild, the index
 * being built): removes the units of the given articles that are not in the new set, then indexes the
 * new ones by id, so a re-index of the same article overwrites instead of duplicating.
 */
final class UnitWriter {

    private static final int BULK_OPS = 1000;
    private static final int TERMS = 1000;
    private static final int PAGE = 1000;

    private final ElasticsearchClient client;
    private final String alias;

    UnitWriter(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    void refresh(List<String> indices) throws IOException {
        client.indices().refresh(r -> r.index(indices));
    }

    /**
     * Deletes the units of {@code articleIds} that are missing from {@code docs}. The stale units are
     * found by search (the integ-test distribution has no delete-by-query), which sees what has been
     * refreshed: callers refresh first when earlier writes may not be visible yet.
     */
    void deleteStale(List<String> indices, Collection<String> articleIds, List<IndexDoc> docs) throws IOException {
        List<String> articles = List.copyOf(new HashSet<>(articleIds));
        List<BulkOperation> deletes = new ArrayList<>();
        for (int from = 0; from < articles.size(); from += TERMS) {
            List<String> chunk = articles.subList(from, Math.min(articles.size(), from + TERMS));
            Set<String> inChunk = Set.copyOf(chunk);
            List<String> keep = docs.stream()
                    .filter(d -> inChunk.contains(d.articleId()))
                    .map(IndexDoc::id)
                    .toList();
            List<FieldValue> values = chunk.stream().map(FieldValue::of).toList();
            Query stale = Query.of(q -> q.bool(b -> {
                b.filter(f -> f.terms(t -> t.field(UnitMapping.ARTICLE_ID).terms(v -> v.value(values))));
                if (!keep.isEmpty()) {
                    b.mustNot(n -> n.ids(i -> i.values(keep)));
                }
                return b;
            }));
            for (String index : indices) {
                for (Hit<Void> h : matching(index, stale)) {
                    deletes.add(BulkOperation.of(
                            o -> o.delete(d -> d.index(h.index()).id(h.id()))));
                }
            }
        }
        execute(deletes);
    }

    /** Every unit of {@code index} matching {@code query}, paged by id. */
    private List<Hit<Void>> matching(String index, Query query) throws IOException {
        List<Hit<Void>> all = new ArrayList<>();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> searchAfter = after;
            SearchResponse<Void> r = client.search(
                    s -> {
                        s.index(index)
                                .query(query)
                                .size(PAGE)
                                .source(c -> c.fetch(false))
                                .sort(o -> o.field(f -> f.field(UnitMapping.ID).order(SortOrder.Asc)));
                        if (searchAfter != null) {
                            s.searchAfter(searchAfter);
                        }
                        return s;
                    },
                    Void.class);
            List<Hit<Void>> page = r.hits().hits();
            all.addAll(page);
            if (page.size() < PAGE) {
                return all;
            }
            after = page.get(page.size() - 1).sort();
        }
    }

    /** Indexes {@code docs} into every index (by unit id). */
    void index(List<String> indices, List<IndexDoc> docs) throws IOException {
        List<BulkOperation> ops = new ArrayList<>();
        for (IndexDoc d : docs) {
            Object source = UnitMapping.source(d);
            for (String index : indices) {
                // never let a write through a missing alias auto-create an unmapped index
                boolean viaAlias = index.equals(alias);
                ops.add(BulkOperation.of(o -> o.index(
                        i -> i.index(index).id(d.id()).requireAlias(viaAlias).document(source))));
            }
        }
        execute(ops);
    }

    private void execute(List<BulkOperation> ops) throws IOException {
        for (int from = 0; from < ops.size(); from += BULK_OPS) {
            List<BulkOperation> chunk = ops.subList(from, Math.min(ops.size(), from + BULK_OPS));
            BulkResponse r = client.bulk(b -> b.operations(chunk));
            if (r.errors()) {
                BulkResponseItem failed = r.items().stream()
                        .filter(i -> i.error() != null)
                        .findFirst()
                        .orElseThrow();
                throw new IOException("Elasticsearch rejected "
                        + failed.operationType().jsonValue() + " of unit " + failed.id() + " in " + failed.index()
                        + ": " + failed.error().reason());
            }
        }
    }
}
