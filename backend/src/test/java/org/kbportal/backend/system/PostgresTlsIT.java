package org.kbportal.backend.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kbportal.backend.testing.BackendServer;
import org.kbportal.backend.testing.PostgresCluster;
import org.kbportal.backend.testing.TestCertificates;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * {@code KB_DB_URL} with {@code sslmode=verify-full&sslrootcert=...} against a throwaway PostgreSQL with
 * a certificate made at test time: Flyway (JDBC) and the application's R2DBC pool both talk TLS, as
 * {@code pg_stat_ssl} of their own session shows; a client trusting another certificate is refused.
 */
class PostgresTlsIT {

    private static final String SSL_OF_THIS_SESSION = "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()";

    @TempDir
    Path dir;

    @Test
    void shouldConnectOverVerifiedTlsThroughJdbcAndR2dbc() throws Exception {
        TestCertificates certs = TestCertificates.create(dir.resolve("pg"));
        TestCertificates other = TestCertificates.create(dir.resolve("other"));
        try (PostgresCluster pg = PostgresCluster.start("kb", certs.certificatePem(), certs.privateKeyPem())) {
            String url = pg.jdbcUrl("kb") + "?sslmode=verify-full&sslrootcert=" + certs.certificatePem();
            try (Connection c = DriverManager.getConnection(url, "postgres", "");
                    ResultSet rs = c.createStatement().executeQuery(SSL_OF_THIS_SESSION)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).as("JDBC over TLS").isTrue();
            }
            String foreign = pg.jdbcUrl("kb") + "?sslmode=verify-full&sslrootcert=" + other.certificatePem();
            assertThatThrownBy(() ->
                            DriverManager.getConnection(foreign, "postgres", "").close())
                    .hasMessageContaining("SSL");

            Map<String, String> settings = Map.of(
                    "kb.seed.index-data", "false",
                    "kb.search.embeddings", "false",
                    "kb.db.url", url,
                    "kb.db.username", "postgres",
                    "kb.db.password", "");
            try (BackendServer server = BackendServer.start(dir.resolve("data"), settings)) {
                Boolean ssl = server.bean(DatabaseClient.class)
                        .sql(SSL_OF_THIS_SESSION)
                        .map(r -> r.get(0, Boolean.class))
                        .one()
                        .block(Duration.ofSeconds(10));
                assertThat(ssl).as("R2DBC over TLS").isTrue();
                server.client()
                        .get()
                        .uri("/api/categories")
                        .exchange()
                        .expectStatus()
                        .isOk();
            }
        }
    }
}
