package org.kbportal.backend.article;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.kbportal.backend.system.KbException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and writes knowledge articles; every save is versioned and followed by the index. */
@Service
public class ArticleService {

    private final ArticleRepository articles;
    private final IndexOutbox outbox;
    private final CategoryService categories;
    private final TransactionalOperator tx;
    private final List<ArticleChangeListener> listeners;
    private final Clock clock;

    ArticleService(
            ArticleRepository articles,
            IndexOutbox outbox,
            CategoryService categories,
            TransactionalOperator tx,
            List<ArticleChangeListener> listeners,
            Clock clock) {
        this.articles = articles;
        this.outbox = outbox;
        this.categories = categories;
        this.tx = tx;
        this.listeners = listeners;
        this.clock = clock;
    }

    /** An article by its id (or one of its manual sections' ids); drafts only for curators. */
    public Mono<Article> get(String id, boolean curator) {
        String articleId = ManualSection.articleIdOf(id);
        return articles.findById(articleId)
                .filter(a -> curator || a.status() == ArticleStatus.PUBLISHED)
                .switchIfEmpty(Mono.error(() -> notFound(id)));
    }

    public Mono<ArticlePage> list(ArticleQuery query, boolean curator) {
        ArticleQuery q = curator
                ? query
                : new ArticleQuery(
                        query.type(),
                        ArticleStatus.PUBLISHED,
                        query.category(),
                        query.lang(),
                        query.text(),
                        query.page(),
                        query.size());
        return Mono.zip(articles.list(q).collectList(), articles.countList(q))
                .map(t -> new ArticlePage(t.getT2(), t.getT1()));
    }

    /** The stored articles among {@code ids} (any status); missing ones are simply absent. */
    public Flux<Article> byIds(java.util.Collection<String> ids) {
        return articles.findByIds(ids);
    }

    /** Articles changed at or after {@code since} (to catch up after a rebuild). */
    public Flux<Article> changedSince(Instant since) {
        return articles.changedSince(since);
    }

    public Flux<Article> all() {
        return articles.findAll();
    }

    public Mono<Long> count() {
        return articles.count();
    }

    public Flux<ArticleVersion> versions(String id, boolean curator) {
        return get(id, curator).flatMapMany(a -> articles.versions(a.id()));
    }

    /** Creates a DRAFT. */
    public Mono<Article> create(ArticleInput input, String by) {
        return validated(input)
                .flatMap(v -> {
                    Instant now = clock.instant();
                    String id = input.id() != null && !input.id().isBlank()
                            ? input.id().strip()
                            : v.type().apiName().toUpperCase(Locale.ROOT) + "-"
                                    + UUID.randomUUID().toString().substring(0, 8);
                    Article a = new Article(
                            id,
                            v.type(),
                            v.lang(),
                            v.category(),
                            input.title().strip(),
                            input.body(),
                            input.symptom(),
                            input.cause(),
                            input.resolution(),
                            input.affectedSystem(),
                            cleanTags(input.tags()),
                            ArticleStatus.DRAFT,
                            1,
                            by,
                            now,
                            by,
                            now);
                    return articles.findById(id)
                            .flatMap(existing -> Mono.<Article>error(KbException.conflict(
                                    "article-exists", "An article with id '" + id + "' already exists.")))
                            .switchIfEmpty(articles.insert(a).thenReturn(a))
                            .as(tx::transactional);
                })
                .flatMap(this::announce);
    }

    /** Saves new content, keeping the status; the previous version stays in the history. */
    public Mono<Article> update(String id, ArticleInput input, String by) {
        return validated(input)
                .flatMap(v -> articles.findById(id)
                        .switchIfEmpty(Mono.error(() -> notFound(id)))
                        .flatMap(current -> {
                            if (input.expectedVersion() != null && input.expectedVersion() != current.version()) {
                                return Mono.error(staleVersion(id, current.version()));
                            }
                            Article next = new Article(
                                    id,
                                    v.type(),
                                    v.lang(),
                                    v.category(),
                                    input.title().strip(),
                                    input.body(),
                                    input.symptom(),
                                    input.cause(),
                                    input.resolution(),
                                    input.affectedSystem(),
                                    cleanTags(input.tags()),
                                    current.status(),
                                    current.version() + 1,
                                    current.createdBy(),
                                    current.createdAt(),
                                    by,
                                    clock.instant());
                            return save(next, current.version());
                        })
                        .as(tx::transactional))
                .flatMap(this::announce);
    }

    public Mono<Article> publish(String id, String by) {
        return transition(id, ArticleStatus.PUBLISHED, by);
    }

    public Mono<Article> archive(String id, String by) {
        return transition(id, ArticleStatus.ARCHIVED, by);
    }

    private Mono<Article> transition(String id, ArticleStatus target, String by) {
        return articles.findById(id)
                .switchIfEmpty(Mono.error(() -> notFound(id)))
                .flatMap(current -> {
                    if (current.status() == target) {
                        return Mono.error(new KbException(
                                org.springframework.http.HttpStatus.CONFLICT,
                                "illegal-transition",
                                "Illegal status change",
                                "Article '" + id + "' is already " + target + "."));
                    }
                    return save(current.withStatus(target, by, clock.instant()), current.version());
                })
                .as(tx::transactional)
                .flatMap(this::announce);
    }

    /**
     * Inserts or replaces (as a new version) a batch of articles, all PUBLISHED, in one transaction.
     * Used by the import and the seed loader, which index the returned articles in bulk themselves
     * (listeners are not told, so a 100,000-line import commits the index once).
     */
    public Mono<List<Article>> upsertPublished(List<Article> batch, String by) {
        Map<String, Article> byId = new LinkedHashMap<>();
        batch.forEach(a -> byId.put(a.id(), a)); // a repeated id in one batch: the last line wins
        return articles.existingIds(byId.keySet())
                .collect(java.util.stream.Collectors.toSet())
                .flatMap(existing -> Flux.fromIterable(byId.values())
                        .concatMap(a -> existing.contains(a.id()) ? replace(a, by) : insertNew(a, by))
                        .collectList())
                .as(tx::transactional);
    }

    /** Like {@link #upsertPublished} but leaves articles that already exist untouched (seeding). */
    public Mono<List<Article>> insertMissing(List<Article> batch, String by) {
        List<String> ids = batch.stream().map(Article::id).toList();
        return articles.existingIds(ids)
                .collect(java.util.stream.Collectors.toSet())
                .flatMap(existing -> {
                    Set<String> seen = new HashSet<>(existing);
                    List<Article> fresh = new ArrayList<>();
                    for (Article a : batch) {
                        if (seen.add(a.id())) {
                            fresh.add(a);
                        }
                    }
                    return Flux.fromIterable(fresh)
                            .concatMap(a -> insertNew(a, by))
                            .collectList();
                })
                .as(tx::transactional);
    }

    private Mono<Article> insertNew(Article a, String by) {
        Instant now = clock.instant();
        Article stored = new Article(
                a.id(),
                a.type(),
                a.lang(),
                a.category(),
                a.title(),
                a.body(),
                a.symptom(),
                a.cause(),
                a.resolution(),
                a.affectedSystem(),
                a.tags(),
                ArticleStatus.PUBLISHED,
                1,
                by,
                now,
                by,
                now);
        return articles.insert(stored)
                .then(outbox.enqueue(List.of(stored.id())))
                .thenReturn(stored);
    }

    private Mono<Article> replace(Article a, String by) {
        return articles.findById(a.id()).flatMap(current -> {
            Article next = new Article(
                    a.id(),
                    a.type(),
                    a.lang(),
                    a.category(),
                    a.title(),
                    a.body(),
                    a.symptom(),
                    a.cause(),
                    a.resolution(),
                    a.affectedSystem(),
                    a.tags(),
                    ArticleStatus.PUBLISHED,
                    current.version() + 1,
                    current.createdBy(),
                    current.createdAt(),
                    by,
                    clock.instant());
            return save(next, current.version());
        });
    }

    private Mono<Article> save(Article next, int expectedVersion) {
        return articles.update(next, expectedVersion)
                .flatMap(ok -> ok
                        ? outbox.enqueue(List.of(next.id())).thenReturn(next)
                        : Mono.error(staleVersion(next.id(), expectedVersion)));
    }

    private Mono<Article> announce(Article a) {
        return announceAll(List.of(a)).thenReturn(a);
    }

    private Mono<Void> announceAll(List<Article> changed) {
        if (changed.isEmpty()) {
            return Mono.empty();
        }
        return Flux.fromIterable(listeners)
                .concatMap(l -> l.articlesChanged(changed))
                .then();
    }

    private record Valid(ArticleType type, String lang, String category) {}

    private Mono<Valid> validated(ArticleInput input) {
        return Mono.fromCallable(() ->
                        new Valid(ArticleType.parse(input.type()), Languages.normalise(input.lang()), input.category()))
                .flatMap(v -> v.category() == null || v.category().isBlank()
                        ? Mono.just(new Valid(v.type(), v.lang(), null))
                        : categories.resolve(v.category()).map(c -> new Valid(v.type(), v.lang(), c.code())));
    }

    static List<String> cleanTags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        return tags.stream()
                .filter(t -> t != null)
                .map(t -> t.replace(",", " ").strip())
                .filter(t -> !t.isEmpty())
                .distinct()
                .toList();
    }

    private static KbException notFound(String id) {
        return KbException.notFound("article-not-found", "No article with id '" + id + "'.");
    }

    private static KbException staleVersion(String id, int current) {
        return new KbException(
                org.springframework.http.HttpStatus.CONFLICT,
                "stale-version",
                "Edited meanwhile",
                "Article '" + id + "' was changed by someone else (now version " + current + "); reload and retry.",
                Map.of("currentVersion", current));
    }
}
