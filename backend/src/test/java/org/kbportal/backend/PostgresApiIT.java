package org.kbportal.backend;

import java.util.Map;
import org.kbportal.backend.testing.BackendServer;
import org.kbportal.backend.testing.PostgresCluster;

/** The same API contract on PostgreSQL (a throwaway cluster), with the same Flyway migrations. */
class PostgresApiIT extends ApiContractTests {

    private PostgresCluster pg;

    @Override
    protected BackendServer startServer() throws Exception {
        pg = PostgresCluster.start("kb");
        return BackendServer.start(
                BackendServer.tempDataDir("kb-pg-it"), pg.backendSettings("kb", Map.of("kb.seed.index-data", "false")));
    }

    @Override
    protected void afterServer() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }
}
