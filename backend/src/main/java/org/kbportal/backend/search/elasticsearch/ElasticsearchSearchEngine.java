package org.kbportal.backend.search.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.kbportal.backend.search.Candidates;
import org.kbportal.backend.search.EngineQuery;
import org.kbportal.backend.search.IndexDoc;
import org.kbportal.backend.search.SearchEngine;
import org.kbportal.backend.search.SearchResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search port on Elasticsearch, for when search scales out beyond one process. Units live in a
 * physical index {@code <alias>-<millis>} behind an alias; a rebuild fills a new physical index and
 * swaps the alias atomically. The mapping version and the analyzer (the best the node can build, see
 * {@link #analyzerDescription()}) are kept in the index's {@code _meta}: a mismatch at start-up keeps
 * the old index serving and reports {@link #needsRebuild()}. Calls block.
 */
public final class ElasticsearchSearchEngine implements SearchEngine {

    /** The alias used unless configured otherwise. */
    public static final String DEFAULT_ALIAS = "kb-units";

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchSearchEngine.class);
    private static final Pattern VALID_ALIAS = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,200}");

    private final ElasticsearchClient client;
    private final String alias;
    private final UnitWriter writer;
    private final UnitSearcher searcher;
    private final TextAnalysis analysis;
    private final UnitIndices indices;
    private final Object writeLock = new Object();
    private volatile boolean needsRebuild;
    private IndexRebuild building; // guarded by writeLock

    /** Connects to the given nodes ({@code http://host:9200}, ...) and opens the index behind {@code alias}. */
    public ElasticsearchSearchEngine(List<URI> nodes, String alias) throws IOException {
        this(nodes, alias, ElasticsearchAccess.OPEN);
    }

    /** The same with credentials and a trusted CA ({@code KB_ES_USERNAME}/{@code _PASSWORD}, {@code _API_KEY}, {@code _CA_FILE}). */
    public ElasticsearchSearchEngine(List<URI> nodes, String alias, ElasticsearchAccess access) throws IOException {
        this(connect(nodes, access), alias);
    }

    /**
     * Opens (creating when missing) the index behind {@code alias}; the engine owns {@code client} and
     * closes it in {@link #close()}.
     */
    public ElasticsearchSearchEngine(ElasticsearchClient client, String alias) throws IOException {
        this.client = client;
        this.alias = alias == null || alias.isBlank() ? DEFAULT_ALIAS : alias;
        this.writer = new UnitWriter(client, this.alias);
        this.searcher = new UnitSearcher(client, this.alias);
        try {
            if (!VALID_ALIAS.matcher(this.alias).matches()) {
                throw new IllegalArgumentException("not a valid index alias: " + this.alias);
            }
            this.analysis = TextAnalysis.probe(client);
            log.info("Search index alias {} analyzes text with {}", this.alias, analysis.description());
            this.indices = new UnitIndices(client, this.alias, analysis);
            this.needsRebuild = indices.open();
        } catch (IOException | RuntimeException e) {
            client._transport().close();
            throw e;
        }
    }

    static ElasticsearchClient connect(List<URI> nodes, ElasticsearchAccess access) {
        if (nodes == null || nodes.isEmpty()) {
            throw new IllegalArgumentException("no Elasticsearch node given");
        }
        HttpHost[] hosts =
                nodes.stream().map(u -> HttpHost.create(u.toString())).toArray(HttpHost[]::new);
        return new ElasticsearchClient(new RestClientTransport(
                configure(RestClient.builder(hosts), access).build(), new JacksonJsonpMapper()));
    }

    /** Applies the credentials (a header on every request) and the trusted CA to a low-level client builder. */
    static org.elasticsearch.client.RestClientBuilder configure(
            org.elasticsearch.client.RestClientBuilder builder, ElasticsearchAccess access) {
        String auth = access.authorization();
        if (auth != null) {
            builder.setDefaultHeaders(new org.apache.http.Header[] {
                new org.apache.http.message.BasicHeader(org.apache.http.HttpHeaders.AUTHORIZATION, auth)
            });
        }
        javax.net.ssl.SSLContext ssl = access.sslContext();
        if (ssl != null) {
            builder.setHttpClientConfigCallback(http -> http.setSSLContext(ssl));
        }
        return builder;
    }

    @Override
    public String name() {
        return "elasticsearch";
    }

    /** The analyzer used for title, body and tags, and the filters the node could not provide. */
    public String analyzerDescription() {
        return analysis.description();
    }

    public String alias() {
        return alias;
    }

    @Override
    public boolean needsRebuild() {
        return needsRebuild;
    }

    @Override
    public void replace(Collection<String> articleIds, List<IndexDoc> docs) throws IOException {
        write(articleIds, docs, true);
    }

    @Override
    public void stage(Collection<String> articleIds, List<IndexDoc> docs) throws IOException {
        write(articleIds, docs, false);
    }

    private void write(Collection<String> articleIds, List<IndexDoc> docs, boolean visible) throws IOException {
        synchronized (writeLock) {
            List<String> targets = new ArrayList<>(List.of(alias));
            if (building != null) {
                // the rebuild gets the change too, and must not overwrite it with what it read earlier
                targets.add(building.index);
                building.touched.addAll(articleIds);
                docs.forEach(d -> building.touched.add(d.articleId()));
            }
            if (!articleIds.isEmpty()) {
                if (visible) {
                    writer.refresh(targets);
                } else if (building != null) {
                    writer.refresh(List.of(building.index));
                }
                writer.deleteStale(targets, articleIds, docs);
            }
            writer.index(targets, docs);
            if (visible) {
                writer.refresh(targets);
            }
        }
    }

    @Override
    public void flush() throws IOException {
        synchronized (writeLock) {
            writer.refresh(List.of(alias));
        }
    }

    @Override
    public Rebuild beginRebuild() throws IOException {
        synchronized (writeLock) {
            if (building != null) {
                throw new IllegalStateException("a rebuild of " + alias + " is already running");
            }
            String index = indices.createForRebuild();
            log.info("Rebuilding search index {} into {}", alias, index);
            building = new IndexRebuild(index);
            return building;
        }
    }

    @Override
    public Candidates lexical(EngineQuery q, int window) throws IOException {
        return searcher.lexical(q, window);
    }

    @Override
    public List<Candidates.Scored> dense(EngineQuery q, int window) throws IOException {
        return searcher.dense(q, window);
    }

    @Override
    public List<SearchResult.Hit> hits(List<String> unitIds, EngineQuery q) throws IOException {
        return searcher.hits(unitIds, q);
    }

    @Override
    public List<String> texts(List<String> unitIds) throws IOException {
        return searcher.texts(unitIds);
    }

    @Override
    public List<String> suggest(String prefix, boolean includeUnpublished, int limit) throws IOException {
        return searcher.suggest(prefix, includeUnpublished, limit);
    }

    @Override
    public Optional<String> didYouMean(String text) throws IOException {
        return searcher.didYouMean(text);
    }

    @Override
    public long articleCount() throws IOException {
        return searcher.articleCount();
    }

    @Override
    public void close() throws IOException {
        try {
            IndexRebuild unfinished;
            synchronized (writeLock) {
                unfinished = building;
            }
            if (unfinished != null) {
                unfinished.abort();
            }
        } finally {
            client._transport().close();
        }
    }

    /** A physical index being filled beside the serving one. */
    private final class IndexRebuild implements Rebuild {

        final String index;
        /** Articles changed through replace/stage meanwhile: already current in this index. */
        final Set<String> touched = new HashSet<>();

        IndexRebuild(String index) {
            this.index = index;
        }

        @Override
        public void stage(List<IndexDoc> docs) throws IOException {
            synchronized (writeLock) {
                ensureActive();
                List<IndexDoc> fresh = docs.stream()
                        .filter(d -> !touched.contains(d.articleId()))
                        .toList();
                writer.index(List.of(index), fresh);
            }
        }

        @Override
        public void commit() throws IOException {
            synchronized (writeLock) {
                ensureActive();
                indices.promote(index);
                building = null;
                needsRebuild = false;
            }
        }

        @Override
        public void abort() throws IOException {
            synchronized (writeLock) {
                if (building != this) {
                    return;
                }
                building = null;
                indices.delete(index);
                log.info("Rebuild of {} aborted; {} deleted", alias, index);
            }
        }

        private void ensureActive() {
            if (building != this) {
                throw new IllegalStateException("this rebuild of " + alias + " has already ended");
            }
        }
    }
}
