package org.kbportal.backend.search.lucene;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/** One physical index: its directory, the one writer and the searcher manager over it. */
final class Generation implements AutoCloseable {

    /**
     * The index layout this version writes, kept in every commit's user data; an index of another
     * layout is rebuilt at start-up. 2: id doc values, vectors of unpublished units in their own fields.
     * 3: vectors scaled to unit length and compared by dot product (same ranking as cosine, cheaper).
     * 4: pipes outside Markdown tables kept in the body text (shell commands in snippets).
     */
    static final String FORMAT = "4";

    static final String FORMAT_KEY = "kb_format";

    final Path path;
    final Directory directory;
    final IndexWriter writer;
    final SearcherManager searchers;

    private Generation(Path path, Directory directory, IndexWriter writer, SearcherManager searchers) {
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
    }

    /** Opens (or with {@code create}, creates empty) the index at {@code path}. */
    static Generation open(Path path, Analyzer analyzer, boolean create) throws IOException {
        Files.createDirectories(path);
        Directory dir = FSDirectory.open(path);
        try {
            IndexWriterConfig config = new IndexWriterConfig(analyzer);
            config.setOpenMode(create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND);
            config.setRAMBufferSizeMB(64);
            IndexWriter writer = new IndexWriter(dir, config);
            if (create) {
                writer.setLiveCommitData(Map.of(FORMAT_KEY, FORMAT).entrySet());
                writer.commit();
            }
            return new Generation(path, dir, writer, new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
                    return new Searcher((DirectoryReader) reader);
                }
            }));
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    /** A searcher over the whole index that also carries the public view of the same point in time. */
    static final class Searcher extends IndexSearcher {
        /** Only published units are live here ({@link PublishedView}). */
        final IndexSearcher published;

        Searcher(DirectoryReader reader) throws IOException {
            super(reader);
            this.published = new IndexSearcher(PublishedView.wrap(reader));
        }

        /** The searcher for a query that may or may not see unpublished units. */
        IndexSearcher visible(boolean includeUnpublished) {
            return includeUnpublished ? this : published;
        }
    }

    void commit() throws IOException {
        writer.setLiveCommitData(Map.of(FORMAT_KEY, FORMAT).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
        } finally {
            try {
                writer.close();
            } finally {
                directory.close();
            }
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
