package org.kbportal.backend.search.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.get_mapping.IndexMappingRecord;
import co.elastic.clients.elasticsearch.indices.resolve_index.ResolveIndexItem;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alias and its physical indices {@code <alias>-<millis>}: creates the first one, checks the
 * stored mapping version and analyzer, creates indices for rebuilds and swaps the alias in one atomic
 * {@code _aliases} call.
 */
final class UnitIndices {

    private static final Logger log = LoggerFactory.getLogger(UnitIndices.class);

    private final ElasticsearchClient client;
    private final String alias;
    private final TextAnalysis analysis;

    UnitIndices(ElasticsearchClient client, String alias, TextAnalysis analysis) {
        this.client = client;
        this.alias = alias;
        this.analysis = analysis;
    }

    /**
     * Makes sure the alias points to an index; true when that index is new or outdated (another
     * mapping version or analyzer), which then keeps serving until a rebuild replaces it.
     */
    boolean open() throws IOException {
        if (!client.indices().existsAlias(e -> e.name(alias)).value()) {
            create();
            return true;
        }
        Map<String, IndexMappingRecord> indices =
                client.indices().getMapping(g -> g.index(alias)).result();
        if (indices.size() != 1) {
            throw new IllegalStateException(
                    "alias " + alias + " points to " + indices.keySet() + "; it must point to exactly one index");
        }
        Map.Entry<String, IndexMappingRecord> serving =
                indices.entrySet().iterator().next();
        warnAboutLeftovers(serving.getKey());
        Map<String, String> stored = UnitMapping.storedMeta(serving.getValue().mappings());
        if (UnitMapping.current(stored, analysis)) {
            return false;
        }
        log.warn(
                "Search index {} has mapping version {} analyzed with '{}'; this version wants {} with '{}'."
                        + " It keeps serving until a rebuild replaces it.",
                serving.getKey(),
                stored.get(UnitMapping.META_VERSION),
                stored.get(UnitMapping.META_ANALYZER),
                UnitMapping.VERSION,
                analysis.description());
        return true;
    }

    private void create() throws IOException {
        String index = newIndexName();
        if (client.indices().exists(e -> e.index(alias)).value()) {
            // a concrete index took the alias' name (auto-created by a stray write): replace it atomically
            client.indices().create(UnitMapping.create(index, null, analysis));
            client.indices()
                    .updateAliases(u -> u.actions(a -> a.add(x -> x.index(index).alias(alias)))
                            .actions(a -> a.removeIndex(x -> x.index(alias))));
        } else {
            client.indices().create(UnitMapping.create(index, alias, analysis));
        }
        log.info("Created search index {} behind alias {}", index, alias);
    }

    // a crash during a rebuild leaves its index behind; another instance may be rebuilding, so only warn
    private void warnAboutLeftovers(String serving) throws IOException {
        List<String> others = client.indices().resolveIndex(r -> r.name(alias + "-*")).indices().stream()
                .map(ResolveIndexItem::name)
                .filter(name -> !name.equals(serving))
                .toList();
        if (!others.isEmpty()) {
            log.warn(
                    "Indices {} are not behind alias {}: unfinished rebuilds? Delete them if none runs.",
                    others,
                    alias);
        }
    }

    /** A new, empty physical index for a rebuild, with periodic refresh off while it fills. */
    String createForRebuild() throws IOException {
        String index = newIndexName();
        client.indices()
                .create(c -> c.index(index)
                        .settings(UnitMapping.settings(analysis, true))
                        .mappings(UnitMapping.mapping(analysis)));
        return index;
    }

    /** Makes {@code index} searchable, points the alias at it alone, and deletes what it pointed to. */
    void promote(String index) throws IOException {
        client.indices().putSettings(p -> p.index(index).settings(s -> s.refreshInterval(t -> t.time("1s"))));
        client.indices().refresh(r -> r.index(index));
        Set<String> old = client.indices().existsAlias(e -> e.name(alias)).value()
                ? client.indices().getAlias(g -> g.name(alias)).result().keySet()
                : Set.of();
        client.indices().updateAliases(u -> {
            old.forEach(o -> u.actions(a -> a.remove(x -> x.index(o).alias(alias))));
            return u.actions(a -> a.add(x -> x.index(index).alias(alias)));
        });
        log.info("Search index {} now serves alias {}", index, alias);
        for (String o : old) {
            delete(o);
        }
    }

    void delete(String index) throws IOException {
        client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
    }

    private String newIndexName() throws IOException {
        for (long millis = System.currentTimeMillis(); ; millis++) {
            String name = alias + "-" + millis;
            if (!client.indices().exists(e -> e.index(name)).value()) {
                return name;
            }
        }
    }
}
