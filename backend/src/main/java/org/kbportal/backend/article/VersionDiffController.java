package org.kbportal.backend.article;

import org.kbportal.backend.system.KbException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/articles/{id}/diff?from=a&to=b}: what changed between two saved versions. */
@RestController
class VersionDiffController {

    private final ArticleService articles;

    VersionDiffController(ArticleService articles) {
        this.articles = articles;
    }

    @GetMapping("/api/articles/{id}/diff")
    Mono<VersionDiff> diff(@PathVariable String id, @RequestParam int from, @RequestParam int to, Authentication auth) {
        return articles.versions(id, ArticleController.isCurator(auth))
                .collectList()
                .flatMap(versions -> {
                    ArticleVersion a = versions.stream()
                            .filter(v -> v.version() == from)
                            .findFirst()
                            .orElse(null);
                    ArticleVersion b = versions.stream()
                            .filter(v -> v.version() == to)
                            .findFirst()
                            .orElse(null);
                    if (a == null || b == null) {
                        return Mono.error(KbException.notFound(
                                "version-not-found",
                                "Article '" + id + "' has no version " + (a == null ? from : to) + "."));
                    }
                    return Mono.fromCallable(() -> VersionDiff.between(a, b))
                            .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic());
                });
    }
}
