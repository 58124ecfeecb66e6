package org.kbportal.backend.ingest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.kbportal.backend.article.Article;
import org.kbportal.backend.article.ArticleService;
import org.kbportal.backend.article.CategoryService;
import org.kbportal.backend.search.SearchIndexer;
import org.kbportal.backend.system.KbProperties;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bulk import of knowledge records, streamed: lines are parsed and stored in batches (one database
 * transaction each) and staged in the index, which is committed once at the end, so the articles are
 * searchable when the import returns. Memory use does not grow with the number of lines.
 */
@Service
public class KnowledgeImporter {

    /** At most this many failures are listed; {@code failedTotal} counts them all. */
    static final int MAX_LISTED_FAILURES = 1000;

    private final ArticleService articles;
    private final CategoryService categories;
    private final SearchIndexer indexer;
    private final KbProperties props;
    private final Clock clock;

    KnowledgeImporter(
            ArticleService articles,
            CategoryService categories,
            SearchIndexer indexer,
            KbProperties props,
            Clock clock) {
        this.articles = articles;
        this.categories = categories;
        this.indexer = indexer;
        this.props = props;
        this.clock = clock;
    }

    /** The import's outcome. */
    public record Result(long imported, List<Failure> failed, long failedTotal) {}

    /** A line that was not stored: its 1-based number and why. */
    public record Failure(long line, String error) {}

    /**
     * Imports NDJSON lines (numbered from 1; blank lines are skipped).
     *
     * @param replaceExisting true: an existing id gets a new version; false: existing ids are left
     *     alone (first-start seeding)
     */
    public Mono<Result> importLines(Flux<String> lines, String by, boolean replaceExisting) {
        AtomicLong imported = new AtomicLong();
        AtomicLong failedTotal = new AtomicLong();
        List<Failure> failures = new ArrayList<>();
        return indexer.duringBulkLoad(categoryLookup()
                .flatMap(lookup -> lines.index()
                        .filter(t -> !t.getT2().isBlank())
                        .buffer(props.ingest().batchSize())
                        .concatMap(batch -> {
                            List<Article> valid = new ArrayList<>(batch.size());
                            for (var t : batch) {
                                try {
                                    valid.add(ImportLine.parse(t.getT2(), lookup, clock.instant()));
                                } catch (ImportLine.Invalid e) {
                                    fail(failures, failedTotal, t.getT1() + 1, e.getMessage());
                                }
                            }
                            return store(valid, by, replaceExisting).doOnNext(n -> imported.addAndGet(n));
                        })
                        .then(indexer.flush())
                        .then(Mono.fromSupplier(
                                () -> new Result(imported.get(), List.copyOf(failures), failedTotal.get())))));
    }

    Mono<Integer> store(List<Article> valid, String by, boolean replaceExisting) {
        if (valid.isEmpty()) {
            return Mono.just(0);
        }
        Mono<List<Article>> stored =
                replaceExisting ? articles.upsertPublished(valid, by) : articles.insertMissing(valid, by);
        return stored.flatMap(s -> indexer.stage(s).thenReturn(s.size()));
    }

    /** Also used for whole documents (seed manuals). */
    Mono<Map<String, String>> categoryLookup() {
        return categories.all().collectList().map(all -> {
            Map<String, String> lookup = new HashMap<>();
            all.forEach(c -> {
                lookup.put(c.code().toLowerCase(Locale.ROOT), c.code());
                lookup.put(c.nameZh().toLowerCase(Locale.ROOT), c.code());
                lookup.put(c.nameEn().toLowerCase(Locale.ROOT), c.code());
            });
            return lookup;
        });
    }

    private static void fail(List<Failure> failures, AtomicLong total, long line, String error) {
        total.incrementAndGet();
        if (failures.size() < MAX_LISTED_FAILURES) {
            failures.add(new Failure(line, error));
        }
    }
}
