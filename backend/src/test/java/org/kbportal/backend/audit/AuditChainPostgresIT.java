package org.kbportal.backend.audit;

import java.util.HashMap;
import java.util.Map;
import org.kbportal.backend.testing.BackendServer;
import org.kbportal.backend.testing.OnPostgres;

/** {@link AuditChainIT} on PostgreSQL (a throwaway cluster), with the 国密 suite (HMAC-SM3). */
class AuditChainPostgresIT extends AuditChainIT {

    private final OnPostgres pg = new OnPostgres();

    @Override
    protected BackendServer startServer(Map<String, String> properties) throws Exception {
        Map<String, String> all = new HashMap<>(properties);
        all.put("kb.crypto.suite", "SM");
        return pg.start("kb-chain-pg-it", all);
    }

    @Override
    protected String expectedSuite() {
        return "hmac-sm3";
    }

    @Override
    protected void afterServer() throws Exception {
        pg.close();
    }
}
