package org.kbportal.backend.ops;

import java.time.Duration;
import org.kbportal.backend.search.SearchEngine;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code search} health: the engine (Lucene or Elasticsearch) answers a count within 5 s; part of
 * readiness, so an instance whose index cannot be read takes no traffic.
 */
@Component("search")
class SearchHealth implements ReactiveHealthIndicator {

    private final SearchEngine engine;

    SearchHealth(SearchEngine engine) {
        this.engine = engine;
    }

    @Override
    public Mono<Health> health() {
        return Mono.fromCallable(engine::articleCount)
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(Duration.ofSeconds(5))
                .map(n -> Health.up()
                        .withDetail("engine", engine.name())
                        .withDetail("articles", n)
                        .build())
                .onErrorResume(e -> Mono.just(Health.down()
                        .withDetail("engine", engine.name())
                        .withDetail("error", e.toString())
                        .build()));
    }
}
