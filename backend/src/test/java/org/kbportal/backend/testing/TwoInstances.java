package org.kbportal.backend.testing;

import java.util.Map;

/**
 * Two backend instances on one throwaway PostgreSQL database (database {@code kb}), for the tests of what
 * instances coordinate through the database: schedulers, leases, claims.
 */
public final class TwoInstances implements AutoCloseable {

    private final PostgresCluster pg;
    private final BackendServer a;
    private final BackendServer b;

    private TwoInstances(PostgresCluster pg, BackendServer a, BackendServer b) {
        this.pg = pg;
        this.a = a;
        this.b = b;
    }

    /**
     * Both instances with {@code settings}, without the shipped knowledge and embeddings (unless the settings say
     * otherwise), their data directories temporary {@code dataDir-a*} and {@code dataDir-b*}.
     */
    public static TwoInstances start(String dataDir, Map<String, String> settings) throws Exception {
        PostgresCluster pg = PostgresCluster.start("kb");
        BackendServer a = null;
        try {
            Map<String, String> lean = new java.util.LinkedHashMap<>(
                    Map.of("kb.seed.index-data", "false", "kb.search.embeddings", "false"));
            lean.putAll(settings);
            Map<String, String> all = pg.backendSettings("kb", lean);
            a = BackendServer.start(BackendServer.tempDataDir(dataDir + "-a"), all);
            return new TwoInstances(pg, a, BackendServer.start(BackendServer.tempDataDir(dataDir + "-b"), all));
        } catch (Exception | Error e) {
            if (a != null) {
                a.close();
            }
            pg.close();
            throw e;
        }
    }

    public BackendServer a() {
        return a;
    }

    public BackendServer b() {
        return b;
    }

    @Override
    public void close() throws Exception {
        try {
            a.close();
            b.close();
        } finally {
            pg.close();
        }
    }
}
