package org.kbportal.backend.report;

import java.util.Map;
import org.kbportal.backend.testing.BackendServer;
import org.kbportal.backend.testing.OnPostgres;

/** The same hand-checked report, exports and permissions on PostgreSQL. */
class ServiceReportPostgresIT extends ServiceReportIT {

    private final OnPostgres pg = new OnPostgres();

    @Override
    protected BackendServer startServer(Map<String, String> props) throws Exception {
        return pg.start("kb-report-pg", props);
    }

    @Override
    protected void afterServer() throws Exception {
        pg.close();
    }
}
