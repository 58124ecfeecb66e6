package org.kbportal.backend.audit;

import java.util.Map;
import org.kbportal.backend.testing.BackendServer;
import org.kbportal.backend.testing.OnPostgres;

/**
 * The audit trail tests on PostgreSQL (a throwaway cluster); the audit table is made unwritable by a
 * trigger that raises, as a revoked privilege or a full disk would.
 */
class AuditTrailPostgresIT extends AuditTrailIT {

    private final OnPostgres pg = new OnPostgres();

    @Override
    protected BackendServer startServer(Map<String, String> properties) throws Exception {
        return pg.start("kb-audit-pg-it", properties);
    }

    @Override
    protected void breakAuditTable() {
        sqlStatement("CREATE FUNCTION audit_down() RETURNS trigger AS $$ BEGIN"
                + " RAISE EXCEPTION 'audit table not writable (test)'; END $$ LANGUAGE plpgsql");
        sqlStatement(
                "CREATE TRIGGER audit_down BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_down()");
    }

    @Override
    protected void repairAuditTable() {
        sqlStatement("DROP TRIGGER audit_down ON audit_event");
        sqlStatement("DROP FUNCTION audit_down()");
    }

    @Override
    protected void afterServer() throws Exception {
        pg.close();
    }
}
