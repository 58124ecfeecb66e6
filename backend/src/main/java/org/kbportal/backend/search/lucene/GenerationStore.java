package org.kbportal.backend.search.lucene;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.kbportal.backend.search.IndexDoc;
import org.kbportal.backend.search.SearchEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writing side of the embedded engine: the generations on disk. {@code index/current} names the
 * serving generation; a rebuild writes a new generation beside it and swaps the pointer atomically, so
 * a crash mid-rebuild leaves the old index serving. Units are replaced per article (delete by article
 * id, add): idempotent. Closing is exclusive with starting a rebuild and with its swap, so no writer
 * outlives {@link #close()}.
 */
final class GenerationStore {

    private static final Logger log = LoggerFactory.getLogger(GenerationStore.class);
    private static final String POINTER = "current";

    private final Analyzer analyzer;
    private final Path root;
    private volatile boolean needsRebuild;
    /** Articles changed while a rebuild runs: their fresher units win over what the rebuild stages. */
    private final Set<String> changedDuringRebuild = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Writers take the read side (they may run together); swapping generations takes the write side. */
    private final ReadWriteLock swap = new ReentrantReadWriteLock();

    private volatile Generation serving;
    private volatile Generation building;
    /** Set by {@link #close()}: a rebuild that starts or finishes afterwards must not leave a writer open. */
    private volatile boolean closed;

    GenerationStore(Path root, Analyzer analyzer) throws IOException {
        this.root = root;
        this.analyzer = analyzer;
        Files.createDirectories(root);
        Path pointer = root.resolve(POINTER);
        Generation opened = null;
        if (Files.exists(pointer)) {
            Path current = root.resolve(
                    Files.readString(pointer, StandardCharsets.UTF_8).strip());
            if (readable(current)) {
                opened = Generation.open(current, analyzer, false);
            } else {
                log.warn(
                        "Search index {} is missing, unreadable or of an older layout; recreating it from the database",
                        current);
            }
        }
        this.needsRebuild = opened == null;
        if (opened == null) {
            Path fresh = root.resolve("gen-" + System.currentTimeMillis());
            opened = Generation.open(fresh, analyzer, true);
            writePointer(fresh);
        }
        this.serving = opened;
        removeOtherGenerations(opened.path);
    }

    /** Whether the index at {@code dir} opens and has this version's layout ({@link Generation#FORMAT}). */
    private static boolean readable(Path dir) {
        try (var d = FSDirectory.open(dir);
                DirectoryReader reader = DirectoryReader.open(d)) {
            String format = reader.getIndexCommit().getUserData().get(Generation.FORMAT_KEY);
            if (!Generation.FORMAT.equals(format)) {
                log.info("Search index {} has layout {}, this version writes {}", dir, format, Generation.FORMAT);
                return false;
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private void writePointer(Path generation) throws IOException {
        Path tmp = root.resolve(POINTER + ".tmp");
        Files.writeString(tmp, generation.getFileName().toString(), StandardCharsets.UTF_8);
        Files.move(tmp, root.resolve(POINTER), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void removeOtherGenerations(Path keep) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            for (Path p : entries.filter(Files::isDirectory).toList()) {
                if (!p.equals(keep) && (building == null || !p.equals(building.path))) {
                    Generation.deleteTree(p);
                }
            }
        }
    }

    boolean needsRebuild() {
        return needsRebuild;
    }

    /** Replaces the articles' units and makes them visible now. */
    void replace(Collection<String> articleIds, List<IndexDoc> docs) throws IOException {
        write(articleIds, docs, true);
    }

    /** Replaces the articles' units without making them visible (bulk loads, then {@link #flush()}). */
    void stage(Collection<String> articleIds, List<IndexDoc> docs) throws IOException {
        write(articleIds, docs, false);
    }

    private void write(Collection<String> articleIds, List<IndexDoc> docs, boolean commit) throws IOException {
        swap.readLock().lock();
        try {
            LuceneDocuments.write(serving, articleIds, docs);
            if (commit) {
                serving.commit();
            }
            Generation b = building;
            if (b != null) {
                changedDuringRebuild.addAll(articleIds);
                LuceneDocuments.write(b, articleIds, docs);
            }
        } finally {
            swap.readLock().unlock();
        }
    }

    void flush() throws IOException {
        swap.readLock().lock();
        try {
            serving.commit();
        } finally {
            swap.readLock().unlock();
        }
    }

    synchronized SearchEngine.Rebuild beginRebuild() throws IOException {
        if (closed) {
            throw new IllegalStateException("the search index is closed");
        }
        if (building != null) {
            throw new IllegalStateException("a rebuild is already running");
        }
        Generation fresh = Generation.open(root.resolve("gen-" + System.currentTimeMillis()), analyzer, true);
        changedDuringRebuild.clear();
        building = fresh;
        return new SearchEngine.Rebuild() {
            public void stage(List<IndexDoc> docs) throws IOException {
                LuceneDocuments.write(
                        fresh,
                        List.of(),
                        docs.stream()
                                .filter(d -> !changedDuringRebuild.contains(d.articleId()))
                                .toList());
            }

            @Override
            public void commit() throws IOException {
                fresh.commit();
                Generation old;
                swap.writeLock().lock();
                try {
                    if (closed) {
                        // the engine closed while this rebuild ran: keep the generation it serves
                        fresh.close();
                        Generation.deleteTree(fresh.path);
                        throw new IllegalStateException("the search index closed during the rebuild");
                    }
                    writePointer(fresh.path);
                    old = serving;
                    serving = fresh;
                    building = null;
                    needsRebuild = false;
                } finally {
                    swap.writeLock().unlock();
                }
                old.close();
                Generation.deleteTree(old.path);
            }

            @Override
            public void abort() throws IOException {
                swap.writeLock().lock();
                try {
                    building = null;
                } finally {
                    swap.writeLock().unlock();
                }
                fresh.close();
                Generation.deleteTree(fresh.path);
            }
        };
    }

    /** Segments of the serving index as searches see them (for tests and logs). */
    int segments() throws IOException {
        Generation g = serving;
        IndexSearcher searcher = g.searchers.acquire();
        try {
            return searcher.getIndexReader().leaves().size();
        } finally {
            g.searchers.release(searcher);
        }
    }

    /**
     * Merges the serving index into one segment and makes it visible. An import followed by the outbox
     * drain leaves 15 or so segments; the kNN search walks one HNSW graph per segment (ATEC, in process,
     * one client: p50 19.9-20.8 ms on 15 segments, 16.6 ms on 2; docs/BENCHMARKS.md). Merging 77k units
     * with vectors keeps one core busy for more than a minute, so it runs only after large loads.
     */
    void compact() throws IOException {
        Generation g = serving;
        long started = System.nanoTime();
        int before = segments();
        log.info("Merging the search index ({} segments) into one; searches go on meanwhile", before);
        try {
            g.writer.forceMerge(1);
            g.searchers.maybeRefreshBlocking();
        } catch (org.apache.lucene.store.AlreadyClosedException e) {
            log.info("Index replaced while merging; the new one is merged by its rebuild");
            return;
        }
        log.info(
                "Merged the search index from {} segments into {} in {} ms",
                before,
                segments(),
                (System.nanoTime() - started) / 1_000_000);
    }

    synchronized void close() throws IOException {
        swap.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            Generation b = building;
            if (b != null) {
                b.close();
            }
            serving.close();
        } finally {
            swap.writeLock().unlock();
        }
    }

    /** The generation searches read now. */
    Generation serving() {
        return serving;
    }
}
