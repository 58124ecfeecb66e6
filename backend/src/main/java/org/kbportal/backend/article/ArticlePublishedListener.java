package org.kbportal.backend.article;

import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Told, inside the transaction that publishes it, that an article became PUBLISHED (direct publish,
 * review approval, scheduled publication), so a durable notification commits or rolls back with it.
 * Implemented by the notification channels; the article feature does not depend on them.
 */
public interface ArticlePublishedListener {

    /** The article as now stored; {@code at} is when it was published. */
    Mono<Void> published(Article article, Instant at);
}
