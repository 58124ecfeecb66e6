package org.kbportal.backend.manual;

import java.util.Map;
import org.kbportal.backend.testing.BackendServer;
import org.kbportal.backend.testing.OnPostgres;

/** The manual and attachment tests on PostgreSQL (a throwaway cluster), with the same migrations. */
class PostgresManualsIT extends ManualsIT {

    private final OnPostgres pg = new OnPostgres();

    @Override
    protected BackendServer startServer(Map<String, String> properties) throws Exception {
        return pg.start("kb-manuals-pg-it", properties);
    }

    @Override
    protected void afterServer() throws Exception {
        pg.close();
    }
}
