package org.kbportal.backend.system;

import io.r2dbc.h2.H2ConnectionConfiguration;
import io.r2dbc.h2.H2ConnectionFactory;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One database setting, {@code kb.db.url} (a JDBC URL, {@code KB_DB_URL}), feeds both Flyway (JDBC)
 * and the application (R2DBC), so the two can never point at different databases. Default: an H2
 * file under the data directory, opened through H2's {@code async:} file system.
 *
 * <p>Why {@code async:}: with H2's default file system a {@link Thread#interrupt()} that lands while
 * a statement reads or writes the file closes the file channel ({@code ClosedByInterruptException}),
 * and H2 then closes the whole database: every later request fails until a restart. Reactor interrupts
 * a {@code boundedElastic} thread whenever a subscription running on it is cancelled (a client that
 * hangs up, a timeout), so on a busy server this happens. {@code async:} waits for I/O without being
 * interruptible; it reads the same files, so existing data directories open unchanged.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DatabaseConfig.class);

    @Bean(destroyMethod = "dispose")
    ConnectionPool connectionFactory(
            @Value("${kb.db.url}") String url,
            @Value("${kb.db.username:}") String username,
            @Value("${kb.db.password:}") String password,
            @Value("${kb.db.pool-size:10}") int poolSize) {
        return new ConnectionPool(ConnectionPoolConfiguration.builder(connectionFactoryFor(url, username, password))
                .initialSize(1)
                .maxSize(poolSize)
                .maxIdleTime(Duration.ofMinutes(10))
                // a request waits at most this long for a connection; the pool then retries once
                // (acquireRetry, default 1) and fails with a clear error rather than hanging forever
                .maxAcquireTime(Duration.ofSeconds(10))
                .validationQuery("SELECT 1")
                .build());
    }

    static ConnectionFactory connectionFactoryFor(String jdbcUrl, String username, String password) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            if (!interruptSafe(jdbcUrl)) {
                log.warn("KB_DB_URL uses H2's default file system: a cancelled request can close the database."
                        + " Use jdbc:h2:async:<path> (same files).");
            }
            H2ConnectionConfiguration.Builder b =
                    H2ConnectionConfiguration.builder().url(jdbcUrl.substring("jdbc:h2:".length()));
            if (!username.isEmpty()) {
                b.username(username);
            }
            if (!password.isEmpty()) {
                b.password(password);
            }
            return new H2ConnectionFactory(b.build());
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(r2dbcUrl(jdbcUrl))
                    .mutate()
                    .option(ConnectionFactoryOptions.USER, username)
                    .option(ConnectionFactoryOptions.PASSWORD, password)
                    .build();
            return ConnectionFactories.get(options);
        }
        throw new IllegalStateException("Unsupported KB_DB_URL '" + jdbcUrl
                + "': use jdbc:h2:async:... or jdbc:postgresql://host:port/database");
    }

    /** pgjdbc's TLS parameters and the names r2dbc-postgresql reads them under ({@code sslmode} it reads as is). */
    private static final java.util.Map<String, String> SSL_PARAMETERS = java.util.Map.of(
            "sslrootcert", "sslRootCert", "sslcert", "sslCert", "sslkey", "sslKey", "sslpassword", "sslPassword");

    /**
     * The R2DBC form of a PostgreSQL JDBC URL, TLS parameters included, so that {@code
     * sslmode=verify-full&sslrootcert=...} protects the application's connections as well as Flyway's.
     */
    static String r2dbcUrl(String jdbcUrl) {
        String url = "r2dbc:" + jdbcUrl.substring("jdbc:".length());
        int q = url.indexOf('?');
        if (q < 0) {
            return url;
        }
        StringBuilder out = new StringBuilder(url.substring(0, q + 1));
        for (String pair : url.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String renamed = SSL_PARAMETERS.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), name);
            if (out.charAt(out.length() - 1) != '?') {
                out.append('&');
            }
            out.append(renamed).append(eq < 0 ? "" : pair.substring(eq));
        }
        return out.toString();
    }

    /** An H2 URL whose files survive thread interrupts: {@code async:} (or an in-memory database). */
    static boolean interruptSafe(String jdbcUrl) {
        String name = jdbcUrl.substring("jdbc:h2:".length());
        return name.startsWith("async:")
                || name.startsWith("mem:")
                || name.startsWith("tcp:")
                || name.startsWith("ssl:");
    }
}
