package org.kbportal.backend.search;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.kbportal.backend.search.elasticsearch.ElasticsearchAccess;
import org.kbportal.backend.search.elasticsearch.ElasticsearchSearchEngine;
import org.kbportal.backend.system.KbProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the Elasticsearch engine from the settings ({@code KB_ES_URIS}, {@code KB_ES_INDEX}). */
final class ElasticsearchEngines {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchEngines.class);

    private ElasticsearchEngines() {}

    static SearchEngine create(KbProperties.Search settings, ElasticsearchAccess access) throws java.io.IOException {
        List<URI> nodes = Arrays.stream(settings.esUris().split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(URI::create)
                .toList();
        ElasticsearchSearchEngine engine = new ElasticsearchSearchEngine(nodes, settings.esIndex(), access);
        log.info("Elasticsearch engine on {} (alias {}): {}", nodes, engine.alias(), engine.analyzerDescription());
        return engine;
    }
}
