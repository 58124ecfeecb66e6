package org.kbportal.backend;

import java.util.Map;
import org.kbportal.backend.testing.BackendServer;
import org.kbportal.backend.testing.ElasticsearchNode;

/** The same API contract with the Elasticsearch engine on a real node. */
class ElasticsearchApiIT extends ApiContractTests {

    @Override
    protected BackendServer startServer() throws Exception {
        ElasticsearchNode node = ElasticsearchNode.get();
        return BackendServer.start(
                BackendServer.tempDataDir("kb-es-it"),
                Map.of(
                        "kb.seed.index-data",
                        "false",
                        "kb.search.engine",
                        "elasticsearch",
                        "kb.search.es-uris",
                        node.uri().toString(),
                        "kb.search.es-index",
                        "kb-api-it-" + System.nanoTime()));
    }
}
