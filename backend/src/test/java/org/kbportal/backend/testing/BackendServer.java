package org.kbportal.backend.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kbportal.backend.BackendMain;
import org.kbportal.backend.ingest.FirstStart;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A real backend for integration tests: Netty on a random port, the database given by {@code
 * kb.db.url} (an H2 file in a temporary data directory by default) and the Lucene index in that
 * directory. Tests talk to it over HTTP only.
 */
public final class BackendServer implements AutoCloseable {

    private final Path dataDir;
    private final ConfigurableApplicationContext context;
    private final int port;

    private BackendServer(Path dataDir, ConfigurableApplicationContext context) {
        this.dataDir = dataDir;
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /** Starts a backend and waits until its start-up seeding is done. */
    public static BackendServer start(Path dataDir, Map<String, String> properties) {
        List<String> args = new ArrayList<>();
        args.add("--server.port=0");
        args.add("--kb.data-dir=" + dataDir);
        args.add("--spring.main.banner-mode=off");
        // accounts the suites create are used at once; the forced change after an administrator set a password
        // (on by default) is tested where it is asked for (PasswordLifecycleIT passes true)
        if (!properties.containsKey("kb.password.change-after-admin-set")) {
            args.add("--kb.password.change-after-admin-set=false");
        }
        properties.forEach((k, v) -> args.add("--" + k + "=" + v));
        ConfigurableApplicationContext ctx = BackendMain.builder().run(args.toArray(String[]::new));
        ctx.getBean(FirstStart.class).ready().block(Duration.ofMinutes(3));
        return new BackendServer(dataDir, ctx);
    }

    public static Path tempDataDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * A client that opens a new connection per request. With pooled keep-alive connections, a request
     * now and then sat unread in the server's socket until the client gave up after 60 s (the thread
     * dump showed Netty reading it only on the client's hang-up, {@code epollRdHupReady}): the server
     * had not finished the previous exchange on that connection. Open question, see the session note;
     * fresh connections keep the suites from stalling on it.
     */
    public WebTestClient client() {
        return WebTestClient.bindToServer(new org.springframework.http.client.reactive.ReactorClientHttpConnector(
                        reactor.netty.http.client.HttpClient.create(
                                reactor.netty.resources.ConnectionProvider.newConnection())))
                .baseUrl(baseUrl())
                .responseTimeout(Duration.ofSeconds(60))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
    }

    /** Logs in and returns the bearer token. */
    public String login(String username, String password) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = client().post()
                .uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return (String) body.get("token");
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        SpringApplication.exit(context);
    }
}
