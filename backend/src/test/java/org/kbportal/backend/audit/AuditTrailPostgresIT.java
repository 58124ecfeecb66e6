package org.kbportal.backend.audit;

import java.util.HashMap;
import java.util.Map;
import org.kbportal.backend.testing.BackendServer;
import org.kbportal.backend.testing.PostgresCluster;

/**
 * The audit trail tests on PostgreSQL (a throwaway cluster); the audit table is made unwritable by a
 * trigger that raises, as a revoked privilege or a full disk would.
 */
class AuditTrailPostgresIT extends AuditTrailIT {

    private PostgresCluster pg;

    @Override
    protected BackendServer startServer(Map<String, String> properties) throws Exception {
        pg = PostgresCluster.start("kb");
        Map<String, String> all = new HashMap<>(properties);
        all.put("kb.db.url", pg.jdbcUrl("kb"));
        all.put("kb.db.username", "postgres");
        all.put("kb.db.password", "");
        return BackendServer.start(BackendServer.tempDataDir("kb-audit-pg-it"), all);
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
        if (pg != null) {
            pg.close();
        }
    }
}
