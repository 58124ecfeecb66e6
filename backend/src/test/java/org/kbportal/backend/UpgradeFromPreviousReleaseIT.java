package org.kbportal.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.kbportal.backend.testing.BackendServer;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A data directory written by the previous release (commit 839b193: Java 17, Spring Boot 3.5, H2
 * 2.3, a Lucene 9.12 index, uploaded files, a backup archive; made through its API, see {@code
 * upgrade/data-839b193.json}) starts under this release with every row and file intact, its index is
 * rebuilt for Lucene 10 without any action, and its backup archive restores into a new installation.
 */
class UpgradeFromPreviousReleaseIT {

    private static final String FIXTURE = "upgrade/data-839b193";
    private static final String ARTICLE = "upgrade-test-printer-offline";
    private static final String MANUAL = "MANUAL-193d431d";

    @Test
    void previousReleasesDataDirectoryStartsWithEveryRowAndFileAndItsBackupRestores() throws Exception {
        JsonNode expected = new ObjectMapper().readTree(resource(FIXTURE + ".json"));
        Path root = BackendServer.tempDataDir("kb-upgrade-it");
        unzip(resource(FIXTURE + ".zip"), root);
        Path dir = root.resolve("fixture-data");
        assertThat(Files.readString(dir.resolve("index/current"))).startsWith("gen-");
        String oldGeneration = Files.readString(dir.resolve("index/current")).strip();

        // first start: migrations (if any) run, the Lucene 9 index is replaced; nothing else is touched
        try (BackendServer server = BackendServer.start(dir, Map.of())) {
            assertThat(server.port()).isPositive();
        }
        Map<String, Long> counts = rowCounts(dir);
        for (var e : expected.get("tableRowCounts").properties()) {
            if (e.getKey().equals("flyway_schema_history")) {
                // this release's new migrations add their rows; none of the old ones is lost
                assertThat(counts.get(e.getKey()))
                        .isGreaterThanOrEqualTo(e.getValue().longValue());
            } else if (e.getKey().equalsIgnoreCase("app_user")) {
                // separation of duties: nobody held SECURITY_ADMIN or AUDITOR, so secadmin and auditor were added
                assertThat(counts.get(e.getKey()))
                        .as("rows of %s", e.getKey())
                        .isEqualTo(e.getValue().longValue() + 2);
            } else {
                assertThat(counts.get(e.getKey()))
                        .as("rows of %s", e.getKey())
                        .isEqualTo(e.getValue().longValue());
            }
        }
        for (var e : expected.get("storedFiles").properties()) {
            assertThat(sha256(dir.resolve(e.getKey())))
                    .as(e.getKey())
                    .isEqualTo(e.getValue().get("sha256").asString());
        }
        String backupFile = expected.get("backup").get("path").asString();
        assertThat(sha256(dir.resolve(backupFile)))
                .isEqualTo(expected.get("backup").get("sha256").asString());
        assertThat(Files.readString(dir.resolve("index/current")).strip()).isNotEqualTo(oldGeneration);
        long askerOrg = organisationsFromFreeText(dir);

        // second start: everything made with the old release works through the API
        try (BackendServer server = BackendServer.start(dir, Map.of())) {
            WebTestClient http = server.client();
            assertThat(topIds(http, "打印机脱机")).contains(ARTICLE);
            assertThat(topIds(http, "网络打印机维护")).anySatisfy(id -> assertThat(id).startsWith(MANUAL));
            String admin = server.login("admin", "admin-demo-2026");
            JsonNode article = get(http, admin, "/api/articles/" + ARTICLE);
            assertThat(article.get("title").asString()).isEqualTo("升级测试：打印机脱机的处理办法");
            assertThat(article.get("version").asInt()).isEqualTo(2);
            JsonNode attachment = get(http, admin, "/api/articles/" + ARTICLE + "/attachments")
                    .get(0);
            assertThat(sha256(download(
                            http,
                            admin,
                            "/api/articles/" + ARTICLE + "/attachments/"
                                    + attachment.get("id").asString())))
                    .isEqualTo(attachment.get("sha256").asString());
            assertThat(download(http, admin, "/api/articles/" + MANUAL + "/file"))
                    .isNotEmpty();

            String user = server.login("user", "user-demo-2026");
            JsonNode question = get(http, user, "/api/questions/1");
            assertThat(question.get("title").asString())
                    .isEqualTo(expected.at("/question/title").asString());
            assertThat(question.get("status").asString()).isEqualTo("ANSWERED");
            for (JsonNode a : question.get("attachments")) {
                String path = "files/" + a.get("id").asString().substring(0, 2) + "/"
                        + a.get("id").asString();
                assertThat(sha256(download(
                                http,
                                user,
                                "/api/questions/1/attachments/" + a.get("id").asString())))
                        .isEqualTo(expected.at("/storedFiles")
                                .get(path)
                                .get("sha256")
                                .asString());
            }
            assertThat(get(http, admin, "/api/admin/backups").toString()).contains("DONE");

            // the migrated organisation still shares the question: a new member (named as old clients
            // do, by its free text) sees it, a member of another migrated organisation does not
            // the upgrade created the separated duties' first accounts (nobody held those roles before)
            String secadmin = server.login("secadmin", "secadmin-demo-2026");
            assertThat(server.login("auditor", "auditor-demo-2026")).isNotBlank();
            member(
                    http,
                    secadmin,
                    "colleague",
                    Map.of("unit", question.get("askerOrganisation").asString()));
            String colleague = server.login("colleague", "Portal-pass-2026");
            assertThat(status(http, colleague, "/api/questions/1")).isEqualTo(200);
            long otherOrg = new ObjectMapper()
                    .readTree(download(http, admin, "/api/admin/organisations"))
                    .valueStream()
                    .mapToLong(o -> o.get("id").asLong())
                    .filter(id -> id != askerOrg)
                    .findFirst()
                    .orElseThrow();
            member(http, secadmin, "outsider", Map.of("organisationId", otherOrg));
            String outsider = server.login("outsider", "Portal-pass-2026");
            assertThat(status(http, outsider, "/api/questions/1")).isEqualTo(404);
        }

        // the previous release's backup archive restores into a new installation
        Path restored = BackendServer.tempDataDir("kb-upgrade-restored").resolve("data");
        // an archive of the previous release has no signature: accepted only when the operator says so
        BackendMain.restoreIfRequested(
                "--kb.restore.from=" + dir.resolve(backupFile),
                "--kb.data-dir=" + restored,
                "--kb.backup.accept-unsigned=true");
        try (BackendServer server = BackendServer.start(restored, Map.of())) {
            assertThat(topIds(server.client(), "打印机脱机")).contains(ARTICLE);
            String user = server.login("user", "user-demo-2026");
            assertThat(get(server.client(), user, "/api/questions/1")
                            .get("status")
                            .asString())
                    .isEqualTo("ANSWERED");
        }
        Map<String, Long> restoredCounts = rowCounts(restored);
        assertThat(restoredCounts.get("ARTICLE"))
                .isEqualTo(expected.at("/tableRowCounts/ARTICLE").longValue());
        assertThat(restoredCounts.get("STORED_FILE"))
                .isEqualTo(expected.at("/tableRowCounts/STORED_FILE").longValue());
    }

    /**
     * V13 made every distinct free-text organisation a record and pointed accounts and questions at
     * it; returns the id of question 1's organisation.
     */
    private static long organisationsFromFreeText(Path dataDir) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:async:" + dataDir + "/db/kb", "sa", "")) {
            List<String> names = new java.util.ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT name FROM organisation ORDER BY name")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            List<String> units = new java.util.ArrayList<>();
            try (ResultSet rs = c.createStatement()
                    .executeQuery("SELECT DISTINCT unit FROM app_user WHERE unit IS NOT NULL ORDER BY unit")) {
                while (rs.next()) {
                    units.add(rs.getString(1));
                }
            }
            assertThat(units).isNotEmpty();
            assertThat(names).containsAll(units);
            try (ResultSet rs = c.createStatement()
                    .executeQuery("SELECT COUNT(*) FROM app_user u LEFT JOIN organisation o ON o.id ="
                            + " u.organisation_id WHERE u.unit IS NOT NULL AND (o.name IS NULL OR o.name <> u.unit)")) {
                rs.next();
                assertThat(rs.getLong(1))
                        .as("accounts not pointing at their organisation")
                        .isZero();
            }
            try (ResultSet rs = c.createStatement()
                    .executeQuery("SELECT q.asker_org, q.asker_org_id, o.name, u.organisation_id FROM question q"
                            + " JOIN organisation o ON o.id = q.asker_org_id JOIN app_user u ON u.id = q.asker_id"
                            + " WHERE q.id = 1")) {
                assertThat(rs.next())
                        .as("question 1 has its organisation record")
                        .isTrue();
                assertThat(rs.getString(3)).isEqualTo(rs.getString(1));
                assertThat(rs.getLong(4)).isEqualTo(rs.getLong(2));
                return rs.getLong(2);
            }
        }
    }

    private static void member(WebTestClient http, String secadmin, String name, Map<String, Object> organisation) {
        Map<String, Object> body = new java.util.HashMap<>(organisation);
        body.putAll(Map.of(
                "username", name, "password", "Portal-pass-2026", "displayName", name, "roles", List.of("USER")));
        http.post()
                .uri("/api/admin/users")
                .headers(h -> h.setBearerAuth(secadmin))
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated();
    }

    private static int status(WebTestClient http, String token, String path) {
        return http.get()
                .uri(path)
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .returnResult(byte[].class)
                .getStatus()
                .value();
    }

    private static List<String> topIds(WebTestClient http, String q) {
        JsonNode r = new ObjectMapper()
                .readTree(http.get()
                        .uri("/api/search?q={q}", q)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(byte[].class)
                        .returnResult()
                        .getResponseBody());
        return r.get("hits")
                .valueStream()
                .limit(3)
                .map(h -> h.get("id").asString())
                .toList();
    }

    private static JsonNode get(WebTestClient http, String token, String path) {
        return new ObjectMapper().readTree(download(http, token, path));
    }

    private static byte[] download(WebTestClient http, String token, String path) {
        return http.get()
                .uri(path)
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
    }

    private static Map<String, Long> rowCounts(Path dataDir) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:async:" + dataDir + "/db/kb", "sa", "");
                ResultSet tables = c.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                String table = tables.getString("TABLE_NAME");
                try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private static InputStream resource(String name) {
        InputStream in = UpgradeFromPreviousReleaseIT.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as(name).isNotNull();
        return in;
    }

    private static void unzip(InputStream zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(zip)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path out = target.resolve(e.getName()).normalize();
                assertThat(out.startsWith(target)).as(e.getName()).isTrue();
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out);
                }
            }
        }
    }

    private static String sha256(Path file) {
        try {
            return sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
