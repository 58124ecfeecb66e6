package org.kbportal.backend.testing;

import java.util.Map;

/**
 * Runs an H2 test class on PostgreSQL: its subclass starts the backend through {@link #start} (a throwaway
 * cluster with database {@code kb}) and closes this after the server.
 */
public final class OnPostgres implements AutoCloseable {

    private PostgresCluster pg;

    /** A backend with {@code settings} on a new cluster, its data directory a temporary {@code dataDir*}. */
    public BackendServer start(String dataDir, Map<String, String> settings) throws Exception {
        pg = PostgresCluster.start("kb");
        return BackendServer.start(BackendServer.tempDataDir(dataDir), pg.backendSettings("kb", settings));
    }

    @Override
    public void close() throws Exception {
        if (pg != null) {
            pg.close();
            pg = null;
        }
    }
}
