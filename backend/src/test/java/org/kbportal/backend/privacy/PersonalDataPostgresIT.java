package org.kbportal.backend.privacy;

import java.util.Map;
import org.kbportal.backend.testing.BackendServer;
import org.kbportal.backend.testing.OnPostgres;

/** {@link PersonalDataIT} on PostgreSQL; the failing step is a plpgsql trigger raising on updates of app_user. */
class PersonalDataPostgresIT extends PersonalDataIT {

    private final OnPostgres pg = new OnPostgres();

    @Override
    protected BackendServer startServer(Map<String, String> properties) throws Exception {
        return pg.start("kb-personal-data-pg-it", properties);
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
        pg.close();
    }
}
