package org.kbportal.backend.manual;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.kbportal.backend.article.Article;
import org.kbportal.backend.article.ArticleService;
import org.kbportal.backend.files.FileStore;
import org.kbportal.backend.files.StoredFile;
import org.kbportal.backend.system.KbException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads what was uploaded: the manuals made from documents and each one's uploads. */
@Service
public class ManualCatalog {

    /**
     * A manual made from documents, for the admin list.
     *
     * @param id the manual
     * @param title its current title
     * @param status its status
     * @param version its current version
     * @param latest its latest upload
     * @param uploads how many documents were uploaded for it
     */
    public record Entry(String id, String title, String status, int version, ManualSource latest, int uploads) {}

    private final ManualSourceRepository sources;
    private final ArticleService articles;
    private final FileStore files;

    ManualCatalog(ManualSourceRepository sources, ArticleService articles, FileStore files) {
        this.sources = sources;
        this.articles = articles;
        this.files = files;
    }

    /** Up to 500 manuals, most recently uploaded first. */
    public Flux<Entry> manuals() {
        return Mono.zip(sources.latestOfEach(500).collectList(), sources.uploadCounts())
                .flatMapMany(t -> {
                    List<ManualSource> latest = t.getT1();
                    Map<String, Integer> counts = t.getT2();
                    return articles.byIds(
                                    latest.stream().map(ManualSource::articleId).toList())
                            .collectMap(Article::id, Function.identity())
                            .flatMapMany(byId -> Flux.fromIterable(latest)
                                    .filter(s -> byId.containsKey(s.articleId()))
                                    .map(s -> {
                                        Article a = byId.get(s.articleId());
                                        return new Entry(
                                                a.id(),
                                                a.title(),
                                                a.status().name(),
                                                a.version(),
                                                s,
                                                counts.getOrDefault(a.id(), 1));
                                    }));
                });
    }

    /**
     * The original document of a manual's version (default: the current one), for download; 404
     * when the manual was not made from a document.
     */
    public Mono<StoredFile> original(String id, Integer version, boolean curator, boolean history) {
        return articles.get(id, curator)
                .flatMap(a -> {
                    Mono<ManualSource> wanted = sources.atVersion(a.id(), version == null ? a.version() : version);
                    if (history || version == null) {
                        return wanted;
                    }
                    // readers get the current version's document only; older ones are history
                    return Mono.zip(wanted, sources.atVersion(a.id(), a.version()))
                            .filter(t -> t.getT1().version() == t.getT2().version())
                            .map(t -> t.getT1());
                })
                .switchIfEmpty(Mono.error(() -> KbException.notFound(
                        "manual-file-not-found", "Article '" + id + "' has no uploaded document at that version.")))
                .flatMap(s -> files.find(s.fileId()));
    }

    /**
     * The uploads of one manual, newest first (the manual must be visible to the caller); without
     * {@code history} only the current version's.
     */
    public Flux<ManualSource> uploads(String id, boolean curator, boolean history) {
        return articles.get(id, curator)
                .flatMapMany(a -> history
                        ? sources.all(a.id())
                        : sources.atVersion(a.id(), a.version()).flux());
    }
}
