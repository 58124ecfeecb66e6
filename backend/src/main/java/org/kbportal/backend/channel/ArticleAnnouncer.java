package org.kbportal.backend.channel;

import java.time.Instant;
import java.util.List;
import org.kbportal.backend.article.Article;
import org.kbportal.backend.article.ArticlePublishedListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Queues {@code article.published} for the channels that subscribe to it, in the publishing transaction
 * (routed by the article's category; an article has no severity, so a channel limited to severities does
 * not hear of it).
 */
@Component
class ArticleAnnouncer implements ArticlePublishedListener {

    private final Channels channels;

    ArticleAnnouncer(Channels channels) {
        this.channels = channels;
    }

    @Override
    public Mono<Void> published(Article a, Instant at) {
        return channels.publish(new ChannelEvent(
                EventType.ARTICLE_PUBLISHED,
                null,
                a.id(),
                a.title(),
                a.category(),
                null,
                a.status().name(),
                null,
                null,
                List.of(),
                null,
                at));
    }
}
