package org.kbportal.backend.search;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.kbportal.backend.article.Article;
import org.kbportal.backend.article.ArticleChangeListener;
import org.kbportal.backend.article.ArticleService;
import org.kbportal.backend.article.Category;
import org.kbportal.backend.article.CategoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps the index in step with the database. A committed change is indexed lexically before the API
 * call returns; the transactional outbox, drained by {@link IndexOutboxDrain}, then brings the full unit
 * (with its embedding) and is what guarantees that no change is lost. The index can also be rebuilt from
 * the database while searches keep using the old one.
 */
@Component
public class SearchIndexer implements ArticleChangeListener {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);
    private static final int BATCH = 128;

    private final SearchEngine engine;
    private final UnitVectors unitVectors;
    private final CategoryService categories;
    private final ArticleService articles;
    private final AtomicReference<RebuildProgress> rebuild = new AtomicReference<>(RebuildProgress.idle());
    /**
     * Article versions written by the fast path and not yet caught up by the outbox. A drain batch reads
     * articles, then spends a while embedding; if a newer version was written meanwhile (a publish right
     * after an edit), writing the batch would put the older version back. Writes go through {@link
     * #writeLock}, so checking this map and writing is atomic within the instance.
     */
    private final Map<String, Integer> fastPathVersions = new ConcurrentHashMap<>();

    private final Object writeLock = new Object();
    /** Bulk loads running in this instance; the outbox drain waits for them (see {@link #duringBulkLoad}). */
    private final AtomicInteger bulkLoads = new AtomicInteger();

    SearchIndexer(
            SearchEngine engine, UnitVectors unitVectors, CategoryService categories, @Lazy ArticleService articles) {
        this.engine = engine;
        this.unitVectors = unitVectors;
        this.categories = categories;
        this.articles = articles;
    }

    /** Progress of the last or running rebuild. */
    public record RebuildProgress(
            String state, long total, long done, Instant startedAt, Instant finishedAt, String error) {
        static RebuildProgress idle() {
            return new RebuildProgress("IDLE", 0, 0, null, null, null);
        }
    }

    @Override
    public Mono<Void> articlesChanged(List<Article> changed) {
        return docs(changed)
                .flatMap(unitVectors::cached)
                .flatMap(docs -> IndexIo.run(() -> {
                    synchronized (writeLock) {
                        engine.replace(ids(changed), docs);
                        changed.forEach(a -> fastPathVersions.merge(a.id(), a.version(), Math::max));
                    }
                }))
                .then();
    }

    /** Stages changes without making them visible: bulk imports, followed by {@link #flush()}. */
    public Mono<Void> stage(List<Article> changed) {
        return docs(changed)
                .flatMap(docs -> IndexIo.run(() -> engine.stage(ids(changed), docs)))
                .then();
    }

    /**
     * Runs a bulk load (import, seeding) with this instance's outbox drain paused: embedding the rows
     * would compete with the load for the same cores and halve its lexical throughput; the rows are
     * drained right after it ends (or fails, or is cancelled).
     */
    public <T> Mono<T> duringBulkLoad(Mono<T> load) {
        return Mono.defer(() -> {
                    bulkLoads.incrementAndGet();
                    return load;
                })
                .doFinally(s -> bulkLoads.decrementAndGet());
    }

    public Mono<Void> flush() {
        return IndexIo.run(engine::flush).then();
    }

    // ---- outbox ----

    /** True while a bulk load runs in this instance: the outbox drain waits. */
    boolean bulkLoading() {
        return bulkLoads.get() > 0;
    }

    /**
     * Indexes the articles of drained outbox rows as full units (with vectors), as they are in the database
     * now; an article deleted meanwhile leaves the index.
     */
    Mono<Void> indexDrained(Set<String> articleIds) {
        return articles.byIds(articleIds)
                .collectList()
                .flatMap(found -> docs(found)
                        .flatMap(unitVectors::attach)
                        .flatMap(docs -> IndexIo.run(() -> writeUnlessOutdated(articleIds, found, docs))))
                .then();
    }

    /**
     * Writes a drained batch, leaving out articles whose newer version the fast path wrote while the
     * batch was being embedded (their own outbox row brings that version with its vector).
     */
    private void writeUnlessOutdated(Set<String> articleIds, List<Article> found, List<IndexDoc> docs)
            throws java.io.IOException {
        synchronized (writeLock) {
            Set<String> outdated = new HashSet<>();
            for (Article a : found) {
                Integer newer = fastPathVersions.get(a.id());
                if (newer != null && newer > a.version()) {
                    outdated.add(a.id());
                }
            }
            Set<String> ids = new LinkedHashSet<>(articleIds);
            ids.removeAll(outdated);
            engine.replace(
                    ids,
                    outdated.isEmpty()
                            ? docs
                            : docs.stream()
                                    .filter(d -> !outdated.contains(d.articleId()))
                                    .toList());
            for (Article a : found) {
                fastPathVersions.computeIfPresent(a.id(), (id, v) -> v <= a.version() ? null : v);
            }
        }
    }

    // ---- rebuild ----

    public RebuildProgress rebuildProgress() {
        return rebuild.get();
    }

    /**
     * Starts a rebuild in the background (refused while one runs): every article is indexed, with
     * vectors, into a new index that replaces the serving one only when complete.
     */
    public RebuildProgress startRebuild() {
        RebuildProgress current = rebuild.get();
        if ("RUNNING".equals(current.state())) {
            return current;
        }
        // RUNNING from this moment on (the total follows once counted), so the caller and pollers
        // never see the previous run's state after asking for a new one
        RebuildProgress starting = new RebuildProgress("RUNNING", 0, 0, Instant.now(), null, null);
        if (!rebuild.compareAndSet(current, starting)) {
            return rebuild.get();
        }
        rebuild().subscribe(n -> {}, e -> log.error("Index rebuild failed", e));
        return starting;
    }

    /** Rebuilds from the database; completes with the number of articles indexed. */
    public Mono<Long> rebuild() {
        Instant started = Instant.now();
        return articles.count()
                .flatMap(total -> {
                    rebuild.set(new RebuildProgress("RUNNING", total, 0, started, null, null));
                    return IndexIo.call(engine::beginRebuild)
                            .flatMap(target -> articles.all()
                                    .buffer(BATCH)
                                    .concatMap(batch -> docs(batch)
                                            .flatMap(unitVectors::attach)
                                            .flatMap(docs -> IndexIo.run(() -> target.stage(docs)))
                                            .thenReturn((long) batch.size()))
                                    .doOnNext(n -> rebuild.updateAndGet(p -> new RebuildProgress(
                                            p.state(), p.total(), p.done() + n, p.startedAt(), null, null)))
                                    .reduce(0L, Long::sum)
                                    .flatMap(n -> IndexIo.run(target::commit).thenReturn(n))
                                    .onErrorResume(
                                            e -> IndexIo.run(target::abort).then(Mono.error(e))))
                            // changes that raced with the rebuild: index them again from the database
                            .flatMap(n -> articles.changedSince(started)
                                    .collectList()
                                    .flatMap(changed -> docs(changed)
                                            .flatMap(unitVectors::attach)
                                            .flatMap(docs -> IndexIo.run(() -> engine.replace(ids(changed), docs))))
                                    .thenReturn(n));
                })
                .doOnNext(n -> {
                    rebuild.updateAndGet(
                            p -> new RebuildProgress("DONE", p.total(), n, p.startedAt(), Instant.now(), null));
                    log.info(
                            "Rebuilt the {} index: {} articles in {} ms",
                            engine.name(),
                            n,
                            Duration.between(started, Instant.now()).toMillis());
                })
                .doOnError(e -> rebuild.updateAndGet(p -> new RebuildProgress(
                        "FAILED", p.total(), p.done(), p.startedAt(), Instant.now(), e.toString())));
    }

    /** Rebuilds when the index was missing or unreadable, or disagrees with the database. */
    public Mono<Void> rebuildIfNeeded() {
        return Mono.zip(articles.count(), IndexIo.call(engine::articleCount)).flatMap(counts -> {
            if (engine.needsRebuild() || !counts.getT1().equals(counts.getT2())) {
                log.info("Index has {} articles, database {}: rebuilding", counts.getT2(), counts.getT1());
                return rebuild().then();
            }
            return Mono.empty();
        });
    }

    // ---- helpers ----

    private static List<String> ids(List<Article> changed) {
        return changed.stream().map(Article::id).toList();
    }

    private Mono<List<IndexDoc>> docs(List<Article> changed) {
        return paths().map(paths -> {
            List<IndexDoc> docs = new ArrayList<>();
            for (Article a : changed) {
                docs.addAll(IndexDocs.of(a, paths.getOrDefault(a.category(), List.of())));
            }
            return docs;
        });
    }

    /** category code → the code and its ancestors, for subtree filters. */
    private Mono<Map<String, List<String>>> paths() {
        return categories.all().collectList().map(all -> {
            Map<String, Category> byCode = new HashMap<>();
            all.forEach(c -> byCode.put(c.code(), c));
            Map<String, List<String>> paths = new HashMap<>();
            for (Category c : all) {
                List<String> path = new ArrayList<>();
                Category cur = c;
                while (cur != null && path.size() < 20) {
                    path.add(cur.code());
                    cur = cur.parentCode() == null ? null : byCode.get(cur.parentCode());
                }
                paths.put(c.code(), path);
            }
            return paths;
        });
    }
}
