package org.kbportal.backend.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster from the Debian binaries ({@code /usr/lib/postgresql/N/bin}):
 * initdb in a temporary directory, started on a free loopback port, trust authentication, fsync off.
 * When the JVM runs as root it runs the server as the {@code postgres} user, as PostgreSQL demands.
 */
public final class PostgresCluster implements AutoCloseable {

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean root;

    private PostgresCluster(Path bin, Path dir, int port, boolean root) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.root = root;
    }

    public static PostgresCluster start(String database) throws IOException, InterruptedException {
        return start(database, null, null);
    }

    /**
     * A cluster that also accepts TLS ({@code ssl=on}) with this PEM certificate and key, so clients can
     * connect with {@code sslmode=verify-full}; null certificate: no TLS.
     */
    public static PostgresCluster start(String database, Path certificate, Path privateKey)
            throws IOException, InterruptedException {
        Path bin = findBin();
        Path dir = Files.createTempDirectory("kb-pg");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PostgresCluster pg = new PostgresCluster(bin, dir, port, root);
        Path data = dir.resolve("data");
        pg.pg(List.of(
                bin.resolve("initdb").toString(),
                "-D",
                data.toString(),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8"));
        String tls = "";
        if (certificate != null) {
            Path cert = dir.resolve("server.crt");
            Path key = dir.resolve("server.key");
            Files.copy(certificate, cert);
            Files.copy(privateKey, key);
            // PostgreSQL refuses a key others may read
            Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            if (root) {
                run(List.of("chown", "postgres:postgres", cert.toString(), key.toString()), true);
            }
            tls = " -c ssl=on -c ssl_cert_file=" + cert + " -c ssl_key_file=" + key;
        }
        pg.pg(List.of(
                bin.resolve("pg_ctl").toString(),
                "-w",
                "-D",
                data.toString(),
                "-l",
                dir.resolve("log").toString(),
                "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        + " -c synchronous_commit=off -c full_page_writes=off" + tls,
                "start"));
        pg.pg(List.of(
                bin.resolve("createdb").toString(),
                "-h",
                "127.0.0.1",
                "-p",
                String.valueOf(port),
                "-U",
                "postgres",
                database));
        return pg;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** {@code settings} plus the backend's database settings for {@code database} of this cluster (superuser). */
    public Map<String, String> backendSettings(String database, Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.put("kb.db.url", jdbcUrl(database));
        all.put("kb.db.username", "postgres");
        all.put("kb.db.password", "");
        return all;
    }

    private static Path findBin() throws IOException {
        Path base = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(base)) {
            throw new IllegalStateException(
                    "PostgreSQL is not installed (apt-get install postgresql); .ci/run installs it");
        }
        try (Stream<Path> versions = Files.list(base)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.naturalOrder())
                    .orElseThrow(() -> new IllegalStateException("no initdb under /usr/lib/postgresql"));
        }
    }

    private void pg(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full, true);
    }

    private static void run(List<String> command, boolean check) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + command);
        }
        if (check && p.exitValue() != 0) {
            throw new IOException("failed (" + p.exitValue() + "): " + command + "\n" + out);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "stop"));
        run(List.of("rm", "-rf", dir.toString()), false);
    }
}
