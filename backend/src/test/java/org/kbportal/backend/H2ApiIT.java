package org.kbportal.backend;

import java.util.Map;
import org.kbportal.backend.testing.BackendServer;

/** The API contract on the embedded default: H2 file database and Lucene in a temporary directory. */
class H2ApiIT extends ApiContractTests {

    @Override
    protected BackendServer startServer() {
        return BackendServer.start(BackendServer.tempDataDir("kb-h2-it"), Map.of("kb.seed.index-data", "false"));
    }
}
