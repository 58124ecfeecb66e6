package org.kbportal.backend.article;

import java.util.Map;
import org.kbportal.backend.testing.PostgresCluster;

/** The curation tests on PostgreSQL (a throwaway cluster), with the same Flyway migrations. */
class CurationPostgresIT extends CurationIT {

    private PostgresCluster pg;

    @Override
    protected Map<String, String> database() throws Exception {
        pg = PostgresCluster.start("kb");
        return pg.backendSettings("kb", Map.of());
    }

    @Override
    protected void afterServer() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }
}
