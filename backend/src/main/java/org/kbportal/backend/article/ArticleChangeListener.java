package org.kbportal.backend.article;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Told after articles were committed, so derived data (the search index) can follow. Implemented
 * by the search feature; the article feature does not depend on search.
 */
public interface ArticleChangeListener {

    /** The articles as now stored (any status); completes when the change is visible. */
    Mono<Void> articlesChanged(List<Article> articles);
}
