package org.kbportal.backend.report;

import java.util.HashMap;
import java.util.Map;
import org.kbportal.backend.testing.BackendServer;
import org.kbportal.backend.testing.PostgresCluster;

/** The same hand-checked report, exports and permissions on PostgreSQL. */
class ServiceReportPostgresIT extends ServiceReportIT {

    private PostgresCluster pg;

    @Override
    protected BackendServer startServer(Map<String, String> props) throws Exception {
        pg = PostgresCluster.start("kb");
        Map<String, String> all = new HashMap<>(props);
        all.put("kb.db.url", pg.jdbcUrl("kb"));
        all.put("kb.db.username", "postgres");
        all.put("kb.db.password", "");
        return BackendServer.start(BackendServer.tempDataDir("kb-report-pg"), all);
    }

    @Override
    protected void afterServer() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }
}
