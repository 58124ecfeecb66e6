package org.kbportal.backend.article;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
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
    private final ArticleEvents events;
    private final ScheduleRepository schedules;
    private final IndexOutbox outbox;
    private final CategoryService categories;
    private final TransactionalOperator tx;
    private final List<ArticleChangeListener> listeners;
    private final List<ArticlePublishedListener> publications;
    private final Clock clock;

    ArticleService(
            ArticleRepository articles,
            ArticleEvents events,
            ScheduleRepository schedules,
            IndexOutbox outbox,
            CategoryService categories,
            TransactionalOperator tx,
            List<ArticleChangeListener> listeners,
            List<ArticlePublishedListener> publications,
            Clock clock) {
        this.articles = articles;
        this.events = events;
        this.schedules = schedules;
        this.outbox = outbox;
        this.categories = categories;
        this.tx = tx;
        this.listeners = listeners;
        this.publications = publications;
        this.clock = clock;
    }

    /** An article by its id (or one of its manual sections' ids); drafts only for curators. */
    public Mono<Article> get(String id, boolean curator) {
        String articleId = ManualSection.articleIdOf(id);
        return articles.findById(articleId)
                .switchIfEmpty(Mono.error(() -> ArticleProblems.notFound(id)))
                .filter(a -> curator || a.status() == ArticleStatus.PUBLISHED)
                // the same answer as a missing article, audited as a hidden one
                .switchIfEmpty(
                        Mono.error(() -> KbException.hidden("article-not-found", "No article with id '" + id + "'.")));
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
        // history is for curators only: an earlier version may hold text a later edit removed (a
        // password, say); readers get the same 404 as for an article that does not exist
        if (!curator) {
            return Flux.error(() -> ArticleProblems.notFound(id));
        }
        return get(id, true).flatMapMany(a -> articles.versions(a.id()));
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
                    Article a = content(id, v, input)
                            .status(ArticleStatus.DRAFT)
                            .version(1)
                            .created(by, now)
                            .build();
                    return articles.findById(id)
                            .flatMap(existing -> Mono.<Article>error(KbException.conflict(
                                    "article-exists", "An article with id '" + id + "' already exists.")))
                            .switchIfEmpty(articles.insert(a)
                                    .then(events.record(a, "CREATED", null, by, null, now))
                                    .thenReturn(a))
                            .as(tx::transactional);
                })
                .flatMap(this::announce);
    }

    /** Saves new content, keeping the status; the previous version stays in the history. */
    public Mono<Article> update(String id, ArticleInput input, String by) {
        return update(id, input, by, true);
    }

    /**
     * Saves new content as {@code by}; a reviewer ({@code reviewer}) may edit any article, an expert
     * only a DRAFT (what is in review or published changes through the reviewer).
     */
    public Mono<Article> update(String id, ArticleInput input, String by, boolean reviewer) {
        return validated(input)
                .flatMap(v -> articles.findById(id)
                        .switchIfEmpty(Mono.error(() -> ArticleProblems.notFound(id)))
                        .flatMap(current -> {
                            if (!reviewer && current.status() != ArticleStatus.DRAFT) {
                                return Mono.error(ArticleProblems.notADraft(id, current.status()));
                            }
                            if (input.expectedVersion() != null && input.expectedVersion() != current.version()) {
                                return Mono.error(ArticleProblems.staleVersion(id, current.version()));
                            }
                            Article next = content(id, v, input)
                                    .status(current.status())
                                    .revisionOf(current)
                                    .updated(by, clock.instant())
                                    .build();
                            return save(next, current.version())
                                    .flatMap(saved -> events.record(
                                                    saved, "EDITED", current.status(), by, null, saved.updatedAt())
                                            .thenReturn(saved));
                        })
                        .as(tx::transactional))
                .flatMap(this::announce);
    }

    /** Publishes directly (ADMIN): from DRAFT, IN_REVIEW or ARCHIVED. */
    public Mono<Article> publish(String id, String by) {
        return transition(
                id,
                ArticleStatus.PUBLISHED,
                EnumSet.of(ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW, ArticleStatus.ARCHIVED),
                "PUBLISHED",
                by,
                null);
    }

    /** Withdraws the article from readers (ADMIN): from any status but ARCHIVED. */
    public Mono<Article> archive(String id, String by) {
        return transition(
                id,
                ArticleStatus.ARCHIVED,
                EnumSet.of(ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW, ArticleStatus.PUBLISHED),
                "ARCHIVED",
                by,
                null);
    }

    /** A guarded status change in its own transaction, then told to the listeners. */
    Mono<Article> transition(
            String id, ArticleStatus target, Set<ArticleStatus> from, String action, String by, String comment) {
        return change(id, target, from, action, by, comment)
                .as(tx::transactional)
                .flatMap(this::announce);
    }

    /**
     * The status change itself, for a caller's transaction: 409 {@code illegal-transition} unless the
     * article is in one of {@code from}; records the event, cancels a pending publication and, when the
     * article becomes PUBLISHED, tells the {@link ArticlePublishedListener}s in the same transaction.
     */
    Mono<Article> change(
            String id, ArticleStatus target, Set<ArticleStatus> from, String action, String by, String comment) {
        return articles.findById(id)
                .switchIfEmpty(Mono.error(() -> ArticleProblems.notFound(id)))
                .flatMap(current -> {
                    if (!from.contains(current.status())) {
                        return Mono.error(ArticleProblems.illegalTransition(id, current.status(), target));
                    }
                    Article next = current.withStatus(target, by, clock.instant());
                    return save(next, current.version())
                            .flatMap(saved -> events.record(
                                            saved, action, current.status(), by, comment, saved.updatedAt())
                                    .then(schedules.clearPending(id))
                                    .then(
                                            target == ArticleStatus.PUBLISHED
                                                    ? Flux.fromIterable(publications)
                                                            .concatMap(l -> l.published(saved, saved.updatedAt()))
                                                            .then()
                                                    : Mono.empty())
                                    .thenReturn(saved));
                });
    }

    /**
     * Saves the content of version {@code v} as a new version (the status stays); history is never
     * rewritten.
     */
    public Mono<Article> restore(String id, int v, String by) {
        return articles.findById(id)
                .switchIfEmpty(Mono.error(() -> ArticleProblems.notFound(id)))
                .flatMap(current -> articles.versions(id)
                        .filter(old -> old.version() == v)
                        .next()
                        .switchIfEmpty(Mono.error(() -> KbException.notFound(
                                "version-not-found", "Article '" + id + "' has no version " + v + ".")))
                        .flatMap(old -> {
                            Article next = old.content()
                                    .status(current.status())
                                    .revisionOf(current)
                                    .updated(by, clock.instant())
                                    .build();
                            return save(next, current.version())
                                    .flatMap(saved -> events.record(
                                                    saved,
                                                    "RESTORED",
                                                    current.status(),
                                                    by,
                                                    "version " + v,
                                                    saved.updatedAt())
                                            .thenReturn(saved));
                        }))
                .as(tx::transactional)
                .flatMap(this::announce);
    }

    /**
     * Saves {@code next} (content changed by a bulk curation step such as a category merge or a tag
     * rename) as a new version inside the caller's transaction, with an event; the outbox re-indexes it.
     */
    Mono<Article> saveCuration(Article current, Article next, String action, String comment) {
        return save(next, current.version())
                .flatMap(saved -> events.record(
                                saved, action, current.status(), saved.updatedBy(), comment, saved.updatedAt())
                        .thenReturn(saved));
    }

    /** Tells the listeners (the search index's fast path) after a caller's transaction committed. */
    Mono<Void> announced(List<Article> changed) {
        return announceAll(changed);
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
        Article stored = a.toBuilder()
                .status(ArticleStatus.PUBLISHED)
                .version(1)
                .created(by, now)
                .build();
        return articles.insert(stored)
                .then(outbox.enqueue(List.of(stored.id())))
                .thenReturn(stored);
    }

    private Mono<Article> replace(Article a, String by) {
        return articles.findById(a.id()).flatMap(current -> {
            Article next = a.toBuilder()
                    .status(ArticleStatus.PUBLISHED)
                    .revisionOf(current)
                    .updated(by, clock.instant())
                    .build();
            return save(next, current.version());
        });
    }

    /** The article's content as the input says (validated as {@code v}). */
    private static Article.Builder content(String id, Valid v, ArticleInput input) {
        return Article.builder()
                .id(id)
                .type(v.type())
                .lang(v.lang())
                .category(v.category())
                .title(input.title().strip())
                .body(input.body())
                .symptom(input.symptom())
                .cause(input.cause())
                .resolution(input.resolution())
                .affectedSystem(input.affectedSystem())
                .tags(cleanTags(input.tags()));
    }

    private Mono<Article> save(Article next, int expectedVersion) {
        return articles.update(next, expectedVersion)
                .flatMap(ok -> ok
                        ? outbox.enqueue(List.of(next.id())).thenReturn(next)
                        : Mono.error(ArticleProblems.staleVersion(next.id(), expectedVersion)));
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
}
