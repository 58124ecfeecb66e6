package org.kbportal.backend.privacy;

import java.util.HashMap;
import java.util.Map;
import org.kbportal.backend.testing.BackendServer;
import org.kbportal.backend.testing.PostgresCluster;

/** {@link PersonalDataIT} on PostgreSQL; the failing step is a plpgsql trigger raising on updates of app_user. */
class PersonalDataPostgresIT extends PersonalDataIT {

    private PostgresCluster pg;

    @Override
    protected BackendServer startServer(Map<String, String> properties) throws Exception {
        pg = PostgresCluster.start("kb");
        Map<String, String> all = new HashMap<>(properties);
        all.put("kb.db.url", pg.jdbcUrl("kb"));
        all.put("kb.db.username", "postgres");
        all.put("kb.db.password", "");
        return BackendServer.start(BackendServer.tempDataDir("kb-personal-data-pg-it"), all);
    }

    @Override
    protected void breakAccountUpdates() {
        sql("CREATE FUNCTION pd_down() RETURNS trigger AS $$ BEGIN"
                + " RAISE EXCEPTION 'app_user not writable (test)'; END $$ LANGUAGE plpgsql");
        sql("CREATE TRIGGER pd_down BEFORE UPDATE ON app_user FOR EACH ROW EXECUTE FUNCTION pd_down()");
    }

    @Override
    protected void repairAccountUpdates() {
        sql("DROP TRIGGER pd_down ON app_user");
        sql("DROP FUNCTION pd_down()");
    }

    @Override
    protected void afterServer() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }
}
