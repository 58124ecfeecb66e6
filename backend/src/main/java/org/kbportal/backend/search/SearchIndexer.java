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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.kbportal.backend.article.Article;
import org.kbportal.backend.article.ArticleChangeListener;
import org.kbportal.backend.article.ArticleService;
import org.kbportal.backend.article.Category;
import org.kbportal.backend.article.CategoryService;
import org.kbportal.backend.article.IndexOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Keeps the index in step with the database. A committed change is indexed lexically before the API
 * call returns; the transactional outbox then brings the full unit (with its embedding) and is what
 * guarantees that no change is lost: rows are only deleted after the engine accepted the units, and
 * failures are retried with exponential backoff. The index can also be rebuilt from the database
 * while searches keep using the old one.
 */
@Component
public class SearchIndexer implements ArticleChangeListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);
    private static final int BATCH = 128;
    /** Long enough for one batch (seconds), short enough that a crashed instance's rows return soon. */
    private static final Duration LEASE = Duration.ofSeconds(60);

    private final SearchEngine engine;
    private final UnitVectors unitVectors;
    private final CategoryService categories;
    private final ArticleService articles;
    private final IndexOutbox outbox;
    private final AtomicReference<RebuildProgress> rebuild = new AtomicReference<>(RebuildProgress.idle());
    private final AtomicBoolean draining = new AtomicBoolean();
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

    private volatile Disposable drainLoop;
    private final int compactAfter;
    /** Units indexed through the outbox since the last compaction. */
    private final java.util.concurrent.atomic.AtomicLong drainedSinceCompaction =
            new java.util.concurrent.atomic.AtomicLong();

    private final AtomicBoolean compacting = new AtomicBoolean();

    SearchIndexer(
            SearchEngine engine,
            UnitVectors unitVectors,
            CategoryService categories,
            @Lazy ArticleService articles,
            IndexOutbox outbox,
            org.kbportal.backend.system.KbProperties props) {
        this.compactAfter = props.search().compactAfter();
        this.engine = engine;
        this.unitVectors = unitVectors;
        this.categories = categories;
        this.articles = articles;
        this.outbox = outbox;
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

    /** Starts draining the outbox every {@code interval} (several instances may do this). */
    public void startDraining(Duration interval) {
        if (drainLoop == null) {
            drainLoop = Flux.interval(interval, Schedulers.parallel())
                    .onBackpressureDrop()
                    .concatMap(
                            tick -> drainAll().onErrorResume(e -> {
                                log.warn("Outbox drain failed: {}", e.toString());
                                return Mono.empty();
                            }),
                            1)
                    .subscribe();
        }
    }

    /** Drains until no due row is left; completes with the number of rows processed. */
    public Mono<Long> drainAll() {
        if (bulkLoads.get() > 0 || !draining.compareAndSet(false, true)) {
            return Mono.just(0L);
        }
        return drainOnce()
                .expand(n -> n > 0 ? drainOnce() : Mono.empty())
                .reduce(0L, Long::sum)
                .doOnNext(this::compactAfterLargeDrain)
                .doFinally(s -> draining.set(false));
    }

    /**
     * Once the outbox is empty after many units went through it (an import, a re-embedding), merges the
     * index in the background: each drained batch wrote small segments.
     */
    private void compactAfterLargeDrain(long drained) {
        long since = drainedSinceCompaction.addAndGet(drained);
        if (compactAfter <= 0
                || since < compactAfter
                || bulkLoads.get() > 0
                || !compacting.compareAndSet(false, true)) {
            return;
        }
        drainedSinceCompaction.set(0);
        IndexIo.run(engine::compact)
                .subscribeOn(Schedulers.boundedElastic())
                .doFinally(s -> compacting.set(false))
                .subscribe(ok -> {}, e -> log.warn("Index compaction failed: {}", e.toString()));
    }

    Mono<Long> drainOnce() {
        return outbox.claim(BATCH, LEASE).collectList().flatMap(entries -> {
            if (entries.isEmpty()) {
                return Mono.just(0L);
            }
            List<Long> rowIds = entries.stream().map(IndexOutbox.Entry::id).toList();
            Set<String> articleIds = new LinkedHashSet<>();
            entries.forEach(e -> articleIds.add(e.articleId()));
            int attempts =
                    entries.stream().mapToInt(IndexOutbox.Entry::attempts).max().orElse(0);
            return articles.byIds(articleIds)
                    .collectList()
                    .flatMap(found -> docs(found)
                            .flatMap(unitVectors::attach)
                            .flatMap(docs -> IndexIo.run(() -> writeUnlessOutdated(articleIds, found, docs))))
                    .then(outbox.done(rowIds))
                    .thenReturn((long) rowIds.size())
                    .onErrorResume(e -> {
                        Duration backoff = backoff(attempts);
                        log.warn(
                                "Indexing {} articles failed (attempt {}), retry in {}: {}",
                                articleIds.size(),
                                attempts + 1,
                                backoff,
                                e.toString());
                        return outbox.retryLater(rowIds, e.toString(), backoff).thenReturn(0L);
                    });
        });
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

    static Duration backoff(int attempts) {
        long seconds = Math.min(300, 1L << Math.min(attempts, 9));
        return Duration.ofSeconds(seconds);
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

    @Override
    public void close() {
        Disposable d = drainLoop;
        if (d != null) {
            d.dispose();
        }
    }
}
