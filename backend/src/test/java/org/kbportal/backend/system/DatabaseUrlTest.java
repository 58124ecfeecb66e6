package org.kbportal.backend.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The R2DBC URL derived from {@code KB_DB_URL} keeps pgjdbc's TLS parameters under r2dbc's names. */
class DatabaseUrlTest {

    @Test
    void shouldCarrySslModeAndRootCertificateIntoTheR2dbcUrl() {
        assertThat(
                        DatabaseConfig.r2dbcUrl(
                                "jdbc:postgresql://db.example:5432/kb?sslmode=verify-full&sslrootcert=/etc/kb/ca.pem&ApplicationName=kb"))
                .isEqualTo("r2dbc:postgresql://db.example:5432/kb?sslmode=verify-full&sslRootCert=/etc/kb/ca.pem"
                        + "&ApplicationName=kb");
        assertThat(DatabaseConfig.r2dbcUrl("jdbc:postgresql://db/kb")).isEqualTo("r2dbc:postgresql://db/kb");
        assertThat(DatabaseConfig.r2dbcUrl("jdbc:postgresql://db/kb?sslcert=/c.pem&sslkey=/k.pem"))
                .isEqualTo("r2dbc:postgresql://db/kb?sslCert=/c.pem&sslKey=/k.pem");
    }
}
