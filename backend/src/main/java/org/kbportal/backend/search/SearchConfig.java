package org.kbportal.backend.search;

import java.io.IOException;
import java.util.Locale;
import org.kbportal.backend.search.lucene.LuceneSearchEngine;
import org.kbportal.backend.system.KbProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the engine ({@code KB_SEARCH_ENGINE=lucene|elasticsearch}) and the embedder. */
@Configuration(proxyBeanMethods = false)
class SearchConfig {

    @Bean(destroyMethod = "close")
    SearchEngine searchEngine(
            KbProperties props, org.kbportal.backend.search.elasticsearch.ElasticsearchAccess esAccess)
            throws IOException {
        String engine = props.search().engine().strip().toLowerCase(Locale.ROOT);
        return switch (engine) {
            case "lucene" -> new LuceneSearchEngine(props.indexDir());
            case "elasticsearch" -> ElasticsearchEngines.create(props.search(), esAccess);
            default ->
                throw new IllegalStateException(
                        "KB_SEARCH_ENGINE must be lucene or elasticsearch, not '" + engine + "'");
        };
    }

    @Bean(destroyMethod = "close")
    Embedder embedder(KbProperties props) {
        return new Embedder(props.search().embeddings(), props.search().embedMaxChars());
    }

    /** Loads the query models in the background once the backend is up (the first search is then warm). */
    @Bean
    org.springframework.boot.ApplicationRunner embedderWarmUp(Embedder embedder) {
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Embedder.class);
        return args -> reactor.core.publisher.Mono.fromRunnable(embedder::warmUp)
                .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic())
                .subscribe(
                        null,
                        e -> log.warn("Embedding models not warmed up: {}", e.toString()),
                        () -> log.info("Embedding models loaded: {}", embedder.loadedModels()));
    }
}
