package org.kbportal.backend.audit;

import java.util.HashMap;
import java.util.Map;
import org.kbportal.backend.testing.BackendServer;
import org.kbportal.backend.testing.PostgresCluster;

/** {@link AuditChainIT} on PostgreSQL (a throwaway cluster), with the 国密 suite (HMAC-SM3). */
class AuditChainPostgresIT extends AuditChainIT {

    private PostgresCluster pg;

    @Override
    protected BackendServer startServer(Map<String, String> properties) throws Exception {
        pg = PostgresCluster.start("kb");
        Map<String, String> all = new HashMap<>(properties);
        all.put("kb.db.url", pg.jdbcUrl("kb"));
        all.put("kb.db.username", "postgres");
        all.put("kb.db.password", "");
        all.put("kb.crypto.suite", "SM");
        return BackendServer.start(BackendServer.tempDataDir("kb-chain-pg-it"), all);
    }

    @Override
    protected String expectedSuite() {
        return "hmac-sm3";
    }

    @Override
    protected void afterServer() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }
}
