package org.kbportal.backend.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kbportal.backend.testing.BackendServer;
import org.kbportal.backend.testing.PostgresCluster;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Archives an attacker builds (a genuine export plus other tables, rows and files, with matching
 * SHA-256 sums) are refused whole with {@code 422 urn:kb:archive-refused} listing what was refused,
 * and nothing is stored; backup rows planted in the database cannot make the download or retention
 * touch a file outside the backup directory. On H2 and on PostgreSQL.
 */
class ArchiveAttackIT {

    /** The crafted archives carry no signature: accepted as from an older version, to reach the checks behind. */
    private static final Map<String, String> SETTINGS =
            Map.of("kb.seed.index-data", "false", "kb.search.embeddings", "false", "kb.backup.accept-unsigned", "true");

    private static final List<String> COUNTED =
            List.of("app_user", "auth_token", "backup_run", "stored_file", "category", "article", "article_attachment");
    private static final String FILE_A = "aaaaaaaa-0000-4000-8000-000000000001";
    private static final String FILE_B = "bbbbbbbb-0000-4000-8000-000000000002";

    @Test
    void shouldRefuseCraftedArchivesAndPlantedBackupRowsOnH2() throws Exception {
        attack(SETTINGS);
    }

    @Test
    void shouldRefuseCraftedArchivesAndPlantedBackupRowsOnPostgres() throws Exception {
        try (PostgresCluster pg = PostgresCluster.start("kb")) {
            attack(pg.backendSettings("kb", SETTINGS));
        }
    }

    @SuppressWarnings("unchecked")
    private static void attack(Map<String, String> settings) throws Exception {
        try (BackendServer s = BackendServer.start(BackendServer.tempDataDir("kb-archive-attack"), settings)) {
            WebTestClient http = s.client();
            String admin = s.login("admin", "admin-demo-2026");
            byte[] export = http.get()
                    .uri("/api/admin/export")
                    .header("Authorization", "Bearer " + admin)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .returnResult()
                    .getResponseBody();

            // the crafting itself is sound: knowledge rows alone are imported
            Map<String, Object> ok = importArchive(
                    http,
                    admin,
                    CraftedArchive.of(export)
                            .rows("category", Map.of(), List.of(category("sec-ok")))
                            .zip(),
                    200);
            assertThat((Map<String, Integer>) ok.get("inserted")).containsEntry("category", 1);

            Map<String, Long> before = counts(s);
            List<Path> filesBefore = files(s.dataDir());
            Instant now = Instant.now();

            Map<String, Object> adminRow = new LinkedHashMap<>();
            adminRow.put("id", 900);
            adminRow.put("username", "intruder");
            adminRow.put("password_hash", "{bcrypt}" + new BCryptPasswordEncoder().encode("intruder-2026"));
            adminRow.put("display_name", "Intruder");
            adminRow.put("roles", "ADMIN");
            adminRow.put("enabled", true);
            adminRow.put("created_at", now.toString());
            Map<String, String> userColumns = new LinkedHashMap<>();
            adminRow.keySet().forEach(c -> userColumns.put(c, c.equals("id") ? "int" : "text"));
            userColumns.put("enabled", "bool");
            userColumns.put("created_at", "timestamptz");
            String adminId = String.valueOf(count(s, "SELECT id FROM app_user WHERE username = 'admin'"));

            var adminAccount = CraftedArchive.of(export)
                    .rows("category", Map.of(), List.of(category("sec-1")))
                    .rows("app_user", userColumns, List.of(adminRow));
            assertRefused(http, admin, adminAccount.zip(), "tables", "app_user");

            var token = CraftedArchive.of(export)
                    .rows(
                            "auth_token",
                            Map.of("token_hash", "text", "user_id", "int", "expires_at", "timestamptz"),
                            List.of(Map.of(
                                    "token_hash", sha256("forged-token"),
                                    "user_id", Long.parseLong(adminId),
                                    "expires_at", "2099-01-01T00:00:00Z")));
            assertRefused(http, admin, token.zip(), "tables", "auth_token");

            var audit = CraftedArchive.of(export)
                    .rows(
                            "audit_event",
                            Map.of("id", "int", "occurred_at", "timestamptz", "actor", "text", "action", "text"),
                            List.of(
                                    Map.of(
                                            "id",
                                            90001,
                                            "occurred_at",
                                            now.toString(),
                                            "actor",
                                            "forger",
                                            "action",
                                            "auth.login"),
                                    Map.of(
                                            "id",
                                            90002,
                                            "occurred_at",
                                            now.toString(),
                                            "actor",
                                            "forger",
                                            "action",
                                            "backups.restore")));
            assertRefused(http, admin, audit.zip(), "tables", "audit_event");

            Map<String, Object> run = new LinkedHashMap<>();
            run.put("id", "planted-run");
            run.put("status", "DONE");
            run.put("trigger_kind", "MANUAL");
            run.put("instance", "x");
            run.put("file_name", "../../../../../../etc/passwd");
            run.put("started_at", now.toString());
            Map<String, String> runColumns = new LinkedHashMap<>();
            run.keySet().forEach(c -> runColumns.put(c, c.equals("started_at") ? "timestamptz" : "text"));
            assertRefused(
                    http,
                    admin,
                    CraftedArchive.of(export)
                            .rows("backup_run", runColumns, List.of(run))
                            .zip(),
                    "tables",
                    "backup_run");

            // a file row whose path leaves the files directory, and a file no knowledge row refers to
            var escape = CraftedArchive.of(export)
                    .rows(
                            "stored_file",
                            Map.of(),
                            List.of(storedFile(FILE_A, "../../escape.txt"), storedFile(FILE_B, "bb/" + FILE_B)))
                    .rows(
                            "article_attachment",
                            Map.of(),
                            List.of(Map.of(
                                    "file_id",
                                    FILE_A,
                                    "article_id",
                                    "X-1",
                                    "added_by",
                                    "x",
                                    "added_at",
                                    now.toString())))
                    .file("files/bb/" + FILE_B, "planted".getBytes(StandardCharsets.UTF_8))
                    .file("files/zz/unlisted.bin", "planted".getBytes(StandardCharsets.UTF_8));
            Map<String, Object> refused = assertRefused(http, admin, escape.zip(), "entries", "files/bb/" + FILE_B);
            Map<String, List<String>> what = (Map<String, List<String>>) refused.get("refused");
            assertThat(what.get("entries")).contains("files/zz/unlisted.bin");
            assertThat(String.join("\n", what.get("rows")))
                    .contains(FILE_A + ": unsafe rel_path")
                    .contains(FILE_B + ": no knowledge row refers to it");

            assertThat(counts(s)).isEqualTo(before);
            assertThat(files(s.dataDir())).isEqualTo(filesBefore);
            assertThat(s.dataDir().getParent().resolve("escape.txt")).doesNotExist();
            assertThat(count(s, "SELECT COUNT(*) FROM audit_event WHERE actor = 'forger'"))
                    .isZero();
            assertThat(count(s, "SELECT COUNT(*) FROM category WHERE code = 'sec-1'"))
                    .isZero();
            http.post()
                    .uri("/api/auth/login")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("username", "intruder", "password", "intruder-2026"))
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
            http.get()
                    .uri("/api/auth/me")
                    .header("Authorization", "Bearer forged-token")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();

            plantedBackupRows(s, http, admin);
        }
    }

    /** Rows written straight into backup_run (a restored or tampered database) name files outside backups/. */
    private static void plantedBackupRows(BackendServer s, WebTestClient http, String admin) throws Exception {
        Path secret = s.dataDir().resolve("secret.txt");
        Files.writeString(secret, "top secret");
        Path backups = Files.createDirectories(s.dataDir().resolve("backups"));
        Files.createSymbolicLink(backups.resolve("link.zip"), secret);
        Map<String, String> planted = Map.of(
                "p-dotdot", "../secret.txt",
                "p-absolute", secret.toAbsolutePath().toString(),
                "p-etc", "../../../../../../../../etc/passwd",
                "p-link", "link.zip",
                "p-control", "x\u0001.zip"); // NUL: PostgreSQL refuses it in text (SafePathTest covers it)
        DatabaseClient db = s.bean(DatabaseClient.class);
        for (Map.Entry<String, String> p : planted.entrySet()) {
            db.sql("INSERT INTO backup_run (id, status, trigger_kind, instance, file_name, started_at)"
                            + " VALUES (:id, 'DONE', 'MANUAL', 'x', :name, :at)")
                    .bind("id", p.getKey())
                    .bind("name", p.getValue())
                    .bind("at", OffsetDateTime.now(ZoneOffset.UTC))
                    .then()
                    .block(Duration.ofSeconds(10));
            byte[] body = http.get()
                    .uri("/api/admin/backups/{id}/file", p.getKey())
                    .header("Authorization", "Bearer " + admin)
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectBody()
                    .returnResult()
                    .getResponseBody();
            assertThat(new String(body, StandardCharsets.UTF_8))
                    .as(p.getValue())
                    .doesNotContain("top secret")
                    .doesNotContain("root:");
        }
        db.sql("UPDATE backup_run SET status = 'EXPIRED' WHERE id LIKE 'p-%'")
                .then()
                .block(Duration.ofSeconds(10));
        s.bean(BackupService.class).removeExpiredArchives().block(Duration.ofSeconds(10));
        assertThat(secret).hasContent("top secret");
        assertThat(Files.isSymbolicLink(backups.resolve("link.zip"))).isTrue();
        assertThat(Path.of("/etc/passwd")).exists();
    }

    private static Map<String, Object> category(String code) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("code", code);
        row.put("parent_code", null);
        row.put("name_zh", "安全测试");
        row.put("name_en", "Security test");
        row.put("sort_order", 99);
        return row;
    }

    private static Map<String, Object> storedFile(String id, String relPath) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("name", "x.txt");
        row.put("content_type", "text/plain");
        row.put("size_bytes", 7);
        row.put("sha256", sha256("planted"));
        row.put("purpose", "ATTACHMENT");
        row.put("rel_path", relPath);
        row.put("created_by", "x");
        row.put("created_at", Instant.now().toString());
        return row;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> assertRefused(
            WebTestClient http, String admin, byte[] zip, String kind, String refusedItem) {
        Map<String, Object> problem = importArchive(http, admin, zip, 422);
        assertThat(problem.get("type")).isEqualTo("urn:kb:archive-refused");
        assertThat(((Map<String, List<String>>) problem.get("refused")).get(kind))
                .contains(refusedItem);
        assertThat((String) problem.get("detail")).contains("nothing was imported");
        return problem;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> importArchive(WebTestClient http, String admin, byte[] zip, int status) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(zip) {
                    @Override
                    public String getFilename() {
                        return "knowledge-pack.zip";
                    }
                })
                .contentType(MediaType.parseMediaType("application/zip"));
        return http.post()
                .uri("/api/admin/import/archive?mode=overwrite")
                .header("Authorization", "Bearer " + admin)
                .body(BodyInserters.fromMultipartData(body.build()))
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    private static Map<String, Long> counts(BackendServer s) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String t : COUNTED) {
            out.put(t, count(s, "SELECT COUNT(*) FROM " + t));
        }
        return out;
    }

    private static long count(BackendServer s, String sql) {
        return s.bean(DatabaseClient.class)
                .sql(sql)
                .map(r -> ((Number) r.get(0)).longValue())
                .one()
                .blockOptional(Duration.ofSeconds(10))
                .orElse(0L);
    }

    private static List<Path> files(Path dataDir) throws Exception {
        Path root = dataDir.resolve("files");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
