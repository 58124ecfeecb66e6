package org.kbportal.backend.search;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The port every search engine implements: Lucene embedded ({@link LuceneSearchEngine}) and
 * Elasticsearch when scaled out. Engines only retrieve candidates; ranking (lexical + dense fusion),
 * paging and synonyms live in {@link SearchService}, so both engines rank the same way. Calls block:
 * callers run them on {@code boundedElastic}.
 */
public interface SearchEngine extends AutoCloseable {

    /**
     * Matches are counted exactly up to this many (the default deepest reachable hit,
     * {@code kb.search.max-result-window}); beyond it the total is a lower bound, as Elasticsearch's
     * {@code track_total_hits} does, so engines can skip documents that cannot reach the best window.
     * With Chinese single-character terms nearly every unit of a one-topic corpus shares a character
     * with a query, and counting all of them was most of the search time (docs/BENCHMARKS.md).
     */
    int COUNT_EXACTLY_UP_TO = 1000;

    /**
     * Beyond {@link #COUNT_EXACTLY_UP_TO} matches, facets count this many best matches (or the window, if
     * smaller), so the counts a user sees do not change with the page they are on.
     */
    int FACETS_OVER_BEST = 100;

    String name();

    /** True when the index had to be created, or was unreadable, at start-up. */
    boolean needsRebuild();

    /** Replaces all units of the given articles by {@code docs} and makes the change searchable. */
    void replace(Collection<String> articleIds, List<IndexDoc> docs) throws IOException;

    /** Like {@link #replace} without making it visible yet (bulk loads); see {@link #flush()}. */
    void stage(Collection<String> articleIds, List<IndexDoc> docs) throws IOException;

    /** Makes staged changes durable and visible. */
    void flush() throws IOException;

    /**
     * Starts building a complete new index beside the serving one; searches keep using the old one
     * until {@link Rebuild#commit()} swaps atomically. A crash before that leaves the old one serving.
     */
    Rebuild beginRebuild() throws IOException;

    /**
     * The best {@code window} lexical matches (BM25 over title, body, tags; synonyms and fuzzy terms
     * as the query says), the best {@code window} nearest neighbours of {@code query.vector()} when
     * given, the lexical total (exact up to {@link #COUNT_EXACTLY_UP_TO}, else a lower bound) and facet
     * counts over the text query and visibility: each facet (type, category, lang) under the other
     * facets' filters but not its own, i.e. as the same query without that facet's filter would count it
     * (over every such match up to {@link #COUNT_EXACTLY_UP_TO} of them, else over the best
     * {@link #FACETS_OVER_BEST} or the window if smaller).
     */
    default Candidates candidates(EngineQuery query, int window) throws IOException {
        Candidates words = lexical(query, window);
        return query.vector() == null ? words : words.withDense(dense(query, window));
    }

    /**
     * Merges the index into as few parts as it can after a large load, so searches (and above all the
     * nearest-neighbour search, which walks one graph per part) visit fewer parts. Searches keep running
     * meanwhile. Engines that manage this themselves do nothing.
     */
    default void compact() throws IOException {}

    /** The lexical part of {@link #candidates}: no neighbours. */
    Candidates lexical(EngineQuery query, int window) throws IOException;

    /** The dense part of {@link #candidates}: the nearest neighbours, best first (none without a vector). */
    List<Candidates.Scored> dense(EngineQuery query, int window) throws IOException;

    /** The given units in the given order, with snippets highlighted for the query's words. */
    List<SearchResult.Hit> hits(List<String> unitIds, EngineQuery query) throws IOException;

    /**
     * Title and body of the given units as one text each, in the given order (units no longer in the
     * index are left out): what the answer gate reads to see how much of the query a unit covers.
     */
    List<String> texts(List<String> unitIds) throws IOException;

    /** Up to {@code limit} titles matching what has been typed so far (last word as a prefix). */
    List<String> suggest(String prefix, boolean includeUnpublished, int limit) throws IOException;

    /** A spelling correction of the query built from indexed words, if one is better. */
    Optional<String> didYouMean(String text) throws IOException;

    /** How many articles (not units) the index holds. */
    long articleCount() throws IOException;

    @Override
    void close() throws IOException;

    /** A new index being built; exactly one of commit or abort ends it. */
    interface Rebuild {
        void stage(List<IndexDoc> docs) throws IOException;

        void commit() throws IOException;

        void abort() throws IOException;
    }
}
