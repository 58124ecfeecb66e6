package org.kbportal.backend.article;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.kbportal.backend.system.KbException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
class ArticleController {

    private final ArticleService articles;
    private final CategoryService categories;
    private final ArticleViews views;

    ArticleController(ArticleService articles, CategoryService categories, ArticleViews views) {
        this.articles = articles;
        this.categories = categories;
        this.views = views;
    }

    @GetMapping("/api/articles/{id}")
    Mono<ArticleView> get(@PathVariable String id, Authentication auth) {
        return articles.get(id, isCurator(auth))
                .doOnNext(a -> {
                    if (a.status() == ArticleStatus.PUBLISHED) {
                        views.count(a.id());
                    }
                })
                .map(a -> ArticleView.of(a, id));
    }

    @GetMapping("/api/articles")
    Mono<ArticleListView> list(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String lang,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            Authentication auth) {
        if (page < 0 || size < 1 || size > 100) {
            return Mono.error(KbException.badRequest("invalid-page", "page must be >= 0 and size between 1 and 100."));
        }
        if (q != null && q.length() > 200) {
            return Mono.error(
                    KbException.badRequest("query-too-long", "The filter text is longer than 200 characters."));
        }
        ArticleQuery query = new ArticleQuery(
                blank(type) ? null : ArticleType.parse(type),
                blank(status) ? null : ArticleStatus.parse(status),
                blank(category) ? null : category.strip(),
                blank(lang) ? null : Languages.normalise(lang),
                blank(q) ? null : q.strip(),
                page,
                size);
        return articles.list(query, isCurator(auth))
                .map(p -> new ArticleListView(
                        p.total(),
                        p.items().stream().map(a -> ArticleView.of(a, a.id())).toList()));
    }

    @GetMapping("/api/articles/{id}/versions")
    Flux<ArticleVersion> versions(@PathVariable String id, Authentication auth) {
        return articles.versions(id, isCurator(auth));
    }

    @GetMapping("/api/categories")
    Flux<Category> categories() {
        return categories.all();
    }

    record CategoryInput(
            @NotBlank @Size(max = 64) String code,
            @Size(max = 64) String parentCode,
            @NotBlank @Size(max = 100) String nameZh,
            @NotBlank @Size(max = 100) String nameEn,
            Integer sortOrder) {}

    @PostMapping("/api/admin/categories")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Category> createCategory(@Valid @RequestBody CategoryInput in) {
        return categories.create(new Category(
                in.code().strip(),
                blank(in.parentCode()) ? null : in.parentCode().strip(),
                in.nameZh().strip(),
                in.nameEn().strip(),
                in.sortOrder() == null ? 100 : in.sortOrder()));
    }

    @PostMapping("/api/admin/articles")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ArticleView> create(@Valid @RequestBody ArticleInput input, Authentication auth) {
        return articles.create(input, auth.getName()).map(a -> ArticleView.of(a, a.id()));
    }

    @PutMapping("/api/admin/articles/{id}")
    Mono<ArticleView> update(@PathVariable String id, @Valid @RequestBody ArticleInput input, Authentication auth) {
        return articles.update(id, input, auth.getName()).map(a -> ArticleView.of(a, a.id()));
    }

    @PostMapping("/api/admin/articles/{id}/publish")
    Mono<ArticleView> publish(@PathVariable String id, Authentication auth) {
        return articles.publish(id, auth.getName()).map(a -> ArticleView.of(a, a.id()));
    }

    @PostMapping("/api/admin/articles/{id}/archive")
    Mono<ArticleView> archive(@PathVariable String id, Authentication auth) {
        return articles.archive(id, auth.getName()).map(a -> ArticleView.of(a, a.id()));
    }

    /** Authors and reviewers (EXPERT, ADMIN): they see drafts and articles in review. */
    static boolean isCurator(Authentication auth) {
        return auth != null
                && auth.getAuthorities().stream()
                        .anyMatch(g -> g.getAuthority().equals("ROLE_ADMIN")
                                || g.getAuthority().equals("ROLE_EXPERT"));
    }

    /** Reviewers (ADMIN): they approve, publish and edit articles in any status. */
    static boolean isReviewer(Authentication auth) {
        return auth != null
                && auth.getAuthorities().stream().anyMatch(g -> g.getAuthority().equals("ROLE_ADMIN"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
