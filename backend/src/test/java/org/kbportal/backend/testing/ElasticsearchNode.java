package org.kbportal.backend.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One real Elasticsearch node per test JVM, started lazily from the unpacked integ-test distribution
 * (system property {@code kb.test.elasticsearch.home}, set by failsafe) on free loopback ports, single
 * node, security off, and stopped by a shutdown hook. Its config, data and logs live in a temporary
 * directory; as root (Elasticsearch refuses to run as root) that directory belongs to {@code nobody}
 * and the node runs through {@code runuser -u nobody}. Start-up failures carry the node's log tail.
 */
public final class ElasticsearchNode {

    public static final String HOME_PROPERTY = "kb.test.elasticsearch.home";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private static ElasticsearchNode shared;

    private final Process process;
    private final Path dir;
    private final URI uri;
    private final Duration startTime;

    private ElasticsearchNode(Process process, Path dir, URI uri, Duration startTime) {
        this.process = process;
        this.dir = dir;
        this.uri = uri;
        this.startTime = startTime;
    }

    /** The shared node, started on first use. */
    public static synchronized ElasticsearchNode get() {
        if (shared == null) {
            try {
                shared = start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting Elasticsearch", e);
            }
            ElasticsearchNode node = shared;
            System.out.printf(
                    "Elasticsearch test node at %s answered in %.1f s%n", node.uri, node.startTime.toMillis() / 1000.0);
            Runtime.getRuntime().addShutdownHook(new Thread(node::stop, "elasticsearch-node-stop"));
        }
        return shared;
    }

    /** The node's HTTP address, {@code http://127.0.0.1:PORT}. */
    public URI uri() {
        return uri;
    }

    /** How long the node took to answer yellow health. */
    public Duration startTime() {
        return startTime;
    }

    private static ElasticsearchNode start() throws IOException, InterruptedException {
        String homeProperty = System.getProperty(HOME_PROPERTY);
        if (homeProperty == null || homeProperty.isBlank()) {
            throw new IllegalStateException("system property " + HOME_PROPERTY + " is not set: run the test through"
                    + " failsafe (./mvnw -pl backend verify), which unpacks the integ-test zip and sets it");
        }
        Path home = Path.of(homeProperty).toAbsolutePath();
        if (!Files.isRegularFile(home.resolve("bin/elasticsearch"))) {
            throw new IllegalStateException("no Elasticsearch distribution at " + home
                    + "; run ./mvnw -pl backend process-test-resources to unpack it");
        }
        try (Stream<Path> bin = Files.list(home.resolve("bin"))) {
            bin.forEach(f -> f.toFile().setExecutable(true, false));
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("kb-es");
        Path config = dir.resolve("config");
        copyTree(home.resolve("config"), config);
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("logs"));
        absoluteJvmPaths(config.resolve("jvm.options"), dir.resolve("logs"));
        if (root) {
            run(List.of("chown", "-R", "nobody:nogroup", dir.toString()));
            dir.toFile().setExecutable(true, false);
        }
        int httpPort = freePort();
        int transportPort = freePort();
        List<String> command = new ArrayList<>();
        if (root) {
            command.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        command.addAll(List.of(
                home.resolve("bin/elasticsearch").toString(),
                "-E",
                "cluster.name=kb-test",
                "-E",
                "node.name=kb-test-node",
                "-E",
                "discovery.type=single-node",
                "-E",
                "xpack.security.enabled=false",
                "-E",
                "network.host=127.0.0.1",
                "-E",
                "http.port=" + httpPort,
                "-E",
                "transport.port=" + transportPort,
                "-E",
                "path.data=" + dir.resolve("data"),
                "-E",
                "path.logs=" + dir.resolve("logs"),
                "-E",
                "cluster.routing.allocation.disk.threshold_enabled=false"));
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("console.log").toFile());
        pb.environment().put("ES_PATH_CONF", config.toString());
        pb.environment().put("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
        pb.environment().put("ES_JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        long t0 = System.nanoTime();
        Process process = pb.start();
        URI uri = URI.create("http://127.0.0.1:" + httpPort);
        ElasticsearchNode node = new ElasticsearchNode(process, dir, uri, Duration.ZERO);
        long deadline = t0 + START_TIMEOUT.toNanos();
        while (!node.healthy()) {
            if (!process.isAlive()) {
                String tail = node.logTail();
                node.stop();
                throw new IllegalStateException(
                        "Elasticsearch exited with " + process.exitValue() + " while starting:\n" + tail);
            }
            if (System.nanoTime() > deadline) {
                String tail = node.logTail();
                node.stop();
                throw new IllegalStateException(
                        "Elasticsearch did not become healthy within " + START_TIMEOUT + ":\n" + tail);
            }
            Thread.sleep(250);
        }
        return new ElasticsearchNode(process, dir, uri, Duration.ofNanos(System.nanoTime() - t0));
    }

    private boolean healthy() {
        try {
            HttpURLConnection c = (HttpURLConnection) uri.resolve("/_cluster/health?wait_for_status=yellow&timeout=1s")
                    .toURL()
                    .openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(3000);
            try {
                return c.getResponseCode() == 200;
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** The last lines of the console output and the server log, to explain a failure. */
    public String logTail() {
        StringBuilder sb = new StringBuilder();
        for (Path log : List.of(dir.resolve("console.log"), dir.resolve("logs/kb-test.log"))) {
            sb.append("---- ").append(log).append('\n');
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                lines.subList(Math.max(0, lines.size() - 60), lines.size())
                        .forEach(l -> sb.append(l).append('\n'));
            } catch (IOException e) {
                sb.append("(unreadable: ").append(e.getMessage()).append(")\n");
            }
        }
        return sb.toString();
    }

    private void stop() {
        // bin/elasticsearch runs a launcher JVM that runs the server JVM: stop the whole tree
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
        try {
            deleteTree(dir);
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    private static void absoluteJvmPaths(Path jvmOptions, Path logs) throws IOException {
        // bin/elasticsearch changes into its home: relative log paths would land in the distribution
        String text = Files.readString(jvmOptions)
                .replaceAll("file=(logs/)?gc\\.log", "file=" + logs.resolve("gc.log"))
                .replaceAll("HeapDumpPath=\\S+", "HeapDumpPath=" + logs)
                .replaceAll("ErrorFile=\\S+", "ErrorFile=" + logs.resolve("hs_err_pid%p.log"));
        Files.writeString(jvmOptions, text);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("failed: " + command + "\n" + out);
        }
    }
}
