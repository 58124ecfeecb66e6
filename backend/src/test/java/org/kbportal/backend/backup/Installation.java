package org.kbportal.backend.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.kbportal.backend.files.FileStore;
import org.kbportal.backend.files.UploadPolicy;
import org.kbportal.backend.testing.BackendServer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Flux;

/**
 * Test fixtures for backups: a populated installation (articles with versions, a category tree,
 * users, synonyms, questions with a timeline, stored files) and independent read-outs of a database
 * and a files directory to compare two installations by.
 */
final class Installation {

    private Installation() {}

    static String h2Url(Path dataDir) {
        return "jdbc:h2:async:" + dataDir + "/db/kb;DB_CLOSE_DELAY=-1;WRITE_DELAY=0";
    }

    /** Fills a running backend with a bit of everything, through its API (files through the FileStore). */
    static void populate(BackendServer server) {
        WebTestClient http = server.client();
        String admin = server.login("admin", "admin-demo-2026");
        String secadmin = server.login("secadmin", "secadmin-demo-2026");
        String user = server.login("user", "user-demo-2026");
        String expert = server.login("expert", "expert-demo-2026");
        http.post()
                .uri("/api/admin/import")
                .header("Authorization", "Bearer " + admin)
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .bodyValue(readFixture())
                .exchange()
                .expectStatus()
                .isOk();
        post(http, admin, "/api/admin/categories", Map.of("code", "storage", "nameZh", "存储", "nameEn", "Storage"), 201);
        post(
                http,
                admin,
                "/api/admin/categories",
                Map.of("code", "san", "parentCode", "storage", "nameZh", "存储网络", "nameEn", "SAN"),
                201);
        Map<String, Object> article = Map.of(
                "id",
                "BK-1",
                "type",
                "faq",
                "lang",
                "zh",
                "category",
                "san",
                "title",
                "光纤交换机端口故障排查",
                "body",
                "检查 SFP 模块与光纤跳线，查看端口错误计数。",
                "tags",
                List.of("存储", "SAN"));
        post(http, admin, "/api/admin/articles", article, 201);
        put(http, admin, "/api/admin/articles/BK-1", withTitle(article, "光纤交换机端口故障排查（第二版）"));
        post(http, admin, "/api/admin/articles/BK-1/publish", null, 200);
        post(http, admin, "/api/admin/synonyms", Map.of("terms", List.of("光纤", "FC", "fibre channel")), 201);
        post(
                http,
                secadmin,
                "/api/admin/users",
                Map.of(
                        "username",
                        "operator1",
                        "password",
                        "operator-pass-1",
                        "displayName",
                        "值班员一",
                        "roles",
                        List.of("USER")),
                201);
        Map<String, Object> q = post(
                http,
                user,
                "/api/questions",
                Map.of(
                        "title",
                        "存储阵列告警 array alarm",
                        "body",
                        "<p>阵列控制器告警</p>",
                        "kind",
                        "FAULT",
                        "severity",
                        "C",
                        "category",
                        "network"),
                201);
        long id = ((Number) q.get("id")).longValue();
        post(http, expert, "/api/questions/" + id + "/messages", Map.of("body", "<p>请更换控制器电池</p>"), 200);
        FileStore files = server.bean(FileStore.class);
        UploadPolicy text = new UploadPolicy(DataSize.ofMegabytes(1), UploadPolicy.TEXT);
        for (String[] f : new String[][] {
            {"runbook.txt", "存储巡检手册\nstep 1: check the array\n"}, {"check.sh", "#!/bin/sh\necho ok\n"}
        }) {
            files.store(
                            Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(
                                    f[1].getBytes(StandardCharsets.UTF_8))),
                            f[0],
                            text,
                            "attachment",
                            "admin")
                    .block(Duration.ofSeconds(10));
        }
        awaitIndexed(http, admin);
    }

    static void awaitIndexed(WebTestClient http, String admin) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            @SuppressWarnings("unchecked")
            Map<String, Object> s = http.get()
                    .uri("/api/admin/index/status")
                    .header("Authorization", "Bearer " + admin)
                    .exchange()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody();
            if (((Number) s.get("pending")).longValue() == 0) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError("index outbox not drained in 30 s");
    }

    private static Map<String, Object> withTitle(Map<String, Object> a, String title) {
        Map<String, Object> m = new TreeMap<>(a);
        m.put("title", title);
        return m;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> post(WebTestClient http, String token, String uri, Object body, int status) {
        var spec = http.post().uri(uri).header("Authorization", "Bearer " + token);
        var ready = body == null
                ? spec
                : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        return ready.exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    static void put(WebTestClient http, String token, String uri, Object body) {
        http.put()
                .uri(uri)
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk();
    }

    private static String readFixture() {
        try (var in = Installation.class.getResourceAsStream("/fixture-corpus.ndjson")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every row of every table (but Flyway's history and the backup bookkeeping), read with plain JDBC:
     * table → sorted rows, each row its column values in order; times with a zone as instants.
     */
    static Map<String, List<String>> dump(String url, String user) throws SQLException {
        Map<String, List<String>> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            for (String t : tables) {
                String key = t.toLowerCase(Locale.ROOT);
                if (key.equals("flyway_schema_history") || key.equals("backup_run")) {
                    continue;
                }
                List<String> rows = new ArrayList<>();
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT * FROM \"" + t + "\"")) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            String type = md.getColumnTypeName(i).toLowerCase(Locale.ROOT);
                            Object v = type.contains("time zone") || type.equals("timestamptz")
                                    ? instant(rs.getObject(i, OffsetDateTime.class))
                                    : rs.getObject(i);
                            row.append(md.getColumnName(i).toLowerCase(Locale.ROOT))
                                    .append('=')
                                    .append(
                                            v instanceof byte[] b
                                                    ? java.util.HexFormat.of().formatHex(b)
                                                    : v)
                                    .append('|');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                out.put(key, rows);
            }
        }
        return out;
    }

    private static Object instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    /** Relative path → bytes of every file under {@code files/} (unfinished uploads aside). */
    static Map<String, String> files(Path dataDir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        Path root = dataDir.resolve("files");
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(p).toString();
                if (!rel.startsWith(".tmp")) {
                    out.put(rel, java.util.HexFormat.of().formatHex(Files.readAllBytes(p)));
                }
            }
        }
        assertThat(out).isNotNull();
        return out;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
