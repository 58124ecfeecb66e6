package org.kbportal.backend.manual;

import java.util.HashMap;
import java.util.Map;
import org.kbportal.backend.testing.BackendServer;
import org.kbportal.backend.testing.PostgresCluster;

/** The manual and attachment tests on PostgreSQL (a throwaway cluster), with the same migrations. */
class PostgresManualsIT extends ManualsIT {

    private PostgresCluster pg;

    @Override
    protected BackendServer startServer(Map<String, String> properties) throws Exception {
        pg = PostgresCluster.start("kb");
        Map<String, String> all = new HashMap<>(properties);
        all.put("kb.db.url", pg.jdbcUrl("kb"));
        all.put("kb.db.username", "postgres");
        all.put("kb.db.password", "");
        return BackendServer.start(BackendServer.tempDataDir("kb-manuals-pg-it"), all);
    }

    @Override
    protected void afterServer() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }
}
