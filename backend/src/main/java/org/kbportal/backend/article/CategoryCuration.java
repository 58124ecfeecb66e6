package org.kbportal.backend.article;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kbportal.backend.system.KbException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reshaping the category tree and the tags without losing articles: rename, move (no cycles),
 * merge (articles, questions and expert skills move to the target, then the old category goes),
 * tag rename/merge. Changed articles get a new version; every affected article is re-indexed
 * through the outbox (a move changes the category path the index filters by).
 */
@Service
public class CategoryCuration {

    private final CategoryService categories;
    private final ArticleService articles;
    private final ArticleRepository repo;
    private final IndexOutbox outbox;
    private final List<CategoryReferences> references;
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Clock clock;

    CategoryCuration(
            CategoryService categories,
            ArticleService articles,
            ArticleRepository repo,
            IndexOutbox outbox,
            List<CategoryReferences> references,
            DatabaseClient db,
            TransactionalOperator tx,
            Clock clock) {
        this.categories = categories;
        this.articles = articles;
        this.repo = repo;
        this.outbox = outbox;
        this.references = references;
        this.db = db;
        this.tx = tx;
        this.clock = clock;
    }

    /** New display names (and order); codes never change, so nothing needs re-indexing. */
    public Mono<Category> rename(String code, String nameZh, String nameEn, Integer sortOrder) {
        return existing(code).flatMap(c -> {
            Category next =
                    new Category(code, c.parentCode(), nameZh, nameEn, sortOrder == null ? c.sortOrder() : sortOrder);
            return db.sql("UPDATE category SET name_zh = :zh, name_en = :en, sort_order = :sort WHERE code = :code")
                    .bind("zh", next.nameZh())
                    .bind("en", next.nameEn())
                    .bind("sort", next.sortOrder())
                    .bind("code", code)
                    .then()
                    .thenReturn(next);
        });
    }

    /**
     * Re-parents {@code code} under {@code parentCode} (null: top level). 409 {@code category-cycle}
     * when the new parent is the category itself or one of its descendants.
     */
    public Mono<Category> move(String code, String parentCode) {
        return existing(code)
                .flatMap(c -> (parentCode == null ? Mono.just(c) : existing(parentCode))
                        .then(categories.subtree(code))
                        .flatMap(subtree -> {
                            if (parentCode != null && subtree.contains(parentCode)) {
                                return Mono.error(cycle(code, parentCode));
                            }
                            var spec = db.sql("UPDATE category SET parent_code = :parent WHERE code = :code")
                                    .bind("code", code);
                            spec = parentCode == null
                                    ? spec.bindNull("parent", String.class)
                                    : spec.bind("parent", parentCode);
                            return spec.then()
                                    .then(reindex(subtree))
                                    .as(tx::transactional)
                                    .flatMap(articles::announced)
                                    .thenReturn(new Category(code, parentCode, c.nameZh(), c.nameEn(), c.sortOrder()));
                        }));
    }

    /**
     * Merges {@code from} into {@code into}: its articles (each as a new version), questions and
     * expert skills move over, its sub-categories become children of {@code into}, then it is
     * deleted. Returns how many articles moved.
     */
    public Mono<Map<String, Object>> merge(String from, String into, String by) {
        if (from.equals(into)) {
            return Mono.error(KbException.badRequest("invalid-merge", "A category cannot be merged into itself."));
        }
        return existing(from)
                .then(existing(into))
                .then(categories.subtree(from))
                .flatMap(subtree -> {
                    if (subtree.contains(into)) {
                        return Mono.error(cycle(from, into));
                    }
                    Mono<List<Article>> moved = repo.findByCategories(List.of(from))
                            .collectList()
                            .flatMapMany(Flux::fromIterable)
                            .concatMap(a -> articles.saveCuration(
                                    a, copy(a, into, a.tags(), by), "RECATEGORISED", from + " → " + into))
                            .collectList();
                    Mono<Long> refs = Flux.fromIterable(references)
                            .concatMap(r -> r.moveCategory(from, into))
                            .reduce(0L, Long::sum);
                    Mono<Void> reparent = db.sql("UPDATE category SET parent_code = :into WHERE parent_code = :from")
                            .bind("into", into)
                            .bind("from", from)
                            .then();
                    Mono<Void> delete = db.sql("DELETE FROM category WHERE code = :from")
                            .bind("from", from)
                            .then();
                    return moved.flatMap(list -> refs.flatMap(n -> reparent.then(delete)
                                    .then(categories.subtree(into))
                                    .flatMap(this::reindex)
                                    .map(all -> {
                                        Map<String, Object> out = new LinkedHashMap<>();
                                        out.put("merged", from);
                                        out.put("into", into);
                                        out.put("articles", list.size());
                                        out.put("references", n);
                                        return Map.entry(out, all);
                                    })))
                            .as(tx::transactional)
                            .flatMap(e -> articles.announced(e.getValue()).thenReturn(e.getKey()));
                });
    }

    /** Every tag in use with the number of articles carrying it, alphabetically. */
    public Mono<List<Map<String, Object>>> tags() {
        return repo.allTags().collectList().map(lists -> {
            Map<String, Integer> counts = new TreeMap<>();
            lists.forEach(l -> l.forEach(t -> counts.merge(t, 1, Integer::sum)));
            List<Map<String, Object>> out = new ArrayList<>();
            counts.forEach((t, n) -> out.add(Map.of("tag", t, "articles", n)));
            return out;
        });
    }

    /**
     * Renames tag {@code from} to {@code to} on every article (a merge when {@code to} is already
     * used: an article carrying both keeps one); each changed article gets a new version.
     */
    public Mono<Map<String, Object>> renameTag(String from, String to, String by) {
        String f = from.strip();
        String t = to.replace(",", " ").strip();
        if (f.isEmpty() || t.isEmpty() || t.length() > 50) {
            return Mono.error(KbException.badRequest("invalid-tag", "Tags are 1 to 50 characters."));
        }
        if (f.equals(t)) {
            return Mono.error(KbException.badRequest("invalid-tag", "The new tag equals the old one."));
        }
        return repo.findByTagText(f)
                .filter(a -> a.tags().contains(f))
                .collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(a -> {
                    List<String> next = new ArrayList<>();
                    for (String tag : a.tags()) {
                        String n = tag.equals(f) ? t : tag;
                        if (!next.contains(n)) {
                            next.add(n);
                        }
                    }
                    return articles.saveCuration(a, copy(a, a.category(), next, by), "RETAGGED", f + " → " + t);
                })
                .collectList()
                .as(tx::transactional)
                .flatMap(changed -> articles.announced(changed)
                        .thenReturn(Map.<String, Object>of("from", f, "to", t, "articles", changed.size())));
    }

    /** Re-indexes the articles in the given categories (no new version: only their category path changed). */
    private Mono<List<Article>> reindex(List<String> codes) {
        return repo.findByCategories(codes)
                .collectList()
                .flatMap(list ->
                        outbox.enqueue(list.stream().map(Article::id).toList()).thenReturn(list));
    }

    private Article copy(Article a, String category, List<String> tags, String by) {
        return a.toBuilder()
                .category(category)
                .tags(tags)
                .version(a.version() + 1)
                .updated(by, clock.instant())
                .build();
    }

    private Mono<Category> existing(String code) {
        return categories
                .all()
                .collectList()
                .flatMap(all -> all.stream()
                        .filter(c -> c.code().equals(code))
                        .findFirst()
                        .map(Mono::just)
                        .orElseGet(() ->
                                Mono.error(KbException.notFound("category-not-found", "No category '" + code + "'."))));
    }

    private static KbException cycle(String code, String target) {
        return KbException.conflict(
                "category-cycle", "'" + target + "' is '" + code + "' or lies beneath it; the tree would get a cycle.");
    }
}
