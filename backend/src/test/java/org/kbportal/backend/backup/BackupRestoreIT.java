package org.kbportal.backend.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.kbportal.backend.BackendMain;
import org.kbportal.backend.testing.BackendServer;
import org.kbportal.backend.testing.PostgresCluster;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A populated installation is backed up through the API while it runs, the archive is restored into
 * an empty data directory (and into PostgreSQL), and the copy is compared row by row, file by file
 * and search by search. Damaged and tampered archives and non-empty targets are refused.
 */
class BackupRestoreIT {

    private static final String SIGNING_KEY = "c2lnbmluZy1rZXktb2YtdGhlLXRlc3RzLTMyLWJ5dGVzIQ==";
    /** A restore elsewhere knows the signing key only from the settings. */
    private static final String SIGNING = "--kb.backup.signing-key=" + SIGNING_KEY;

    private static final Map<String, String> SETTINGS = Map.of(
            "kb.seed.index-data", "false", "kb.search.embeddings", "false", "kb.backup.signing-key", SIGNING_KEY);
    private static final List<String> QUERIES = List.of("数据库备份", "网络不通", "backup", "光纤交换机", "FC 端口");

    @Test
    void shouldRestoreABackupElsewhereWithIdenticalRowsFilesAndSearchResults() throws Exception {
        Path source = BackendServer.tempDataDir("kb-backup-src");
        Map<String, List<String>> before;
        Map<String, List<String>> searches;
        Path archive = Files.createTempDirectory("kb-backup-archive").resolve("backup.zip");
        try (BackendServer a = BackendServer.start(source, SETTINGS)) {
            Installation.populate(a);
            String admin = a.login("admin", "admin-demo-2026");
            searches = search(a.client());
            // the query log is written behind the searches; the read-out below must see all of it
            a.bean(org.kbportal.backend.search.SearchLog.class).flush().block(java.time.Duration.ofSeconds(10));
            before = Installation.dump(Installation.h2Url(source), "sa");

            Map<String, Object> started = Installation.post(a.client(), admin, "/api/admin/backups", null, 202);
            assertThat(started).containsKeys("id", "status");
            String id = (String) started.get("id");
            Map<String, Object> run = awaitDone(a.client(), admin, id);
            assertThat(run.get("download")).isEqualTo("/api/admin/backups/" + id + "/file");
            assertThat(((Number) run.get("sizeBytes")).longValue()).isPositive();
            assertThat(run.get("progress")).isEqualTo(100);
            byte[] zip = a.client()
                    .get()
                    .uri("/api/admin/backups/{id}/file", id)
                    .header("Authorization", "Bearer " + admin)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .contentType("application/zip")
                    .expectBody()
                    .returnResult()
                    .getResponseBody();
            assertThat((long) zip.length).isEqualTo(((Number) run.get("sizeBytes")).longValue());
            Files.write(archive, zip);
            // a user may not list or take backups
            String user = a.login("user", "user-demo-2026");
            a.client()
                    .get()
                    .uri("/api/admin/backups")
                    .header("Authorization", "Bearer " + user)
                    .exchange()
                    .expectStatus()
                    .isForbidden();
        }
        assertThat(before.get("article")).hasSizeGreaterThanOrEqualTo(7);
        assertThat(before.get("article_version"))
                .hasSizeGreaterThan(before.get("article").size());
        assertThat(before.get("question_event")).isNotEmpty();
        assertThat(before.get("stored_file")).hasSize(2);
        Map<String, String> files = Installation.files(source);
        assertThat(files).hasSize(2);

        Path target = BackendServer.tempDataDir("kb-backup-dst").resolve("restored");
        BackendMain.restoreIfRequested(SIGNING, "--kb.restore.from=" + archive, "--kb.data-dir=" + target);

        Map<String, List<String>> after = Installation.dump(Installation.h2Url(target), "sa");
        assertSameRows(before, after);
        Map<String, List<String>> restoredOnH2 = withoutRestoreEvents(normalised(Installation.h2Url(target)));
        assertThat(Installation.files(target)).isEqualTo(files);

        try (BackendServer b = BackendServer.start(target, SETTINGS)) {
            assertThat(search(b.client())).isEqualTo(searches);
            // new rows get fresh ids after the restored ones
            String admin = b.login("admin", "admin-demo-2026");
            Map<String, Object> synonyms = Installation.post(
                    b.client(), admin, "/api/admin/synonyms", Map.of("terms", List.of("阵列", "array")), 201);
            assertThat(((Number) synonyms.get("id")).longValue()).isGreaterThan(7);
            assertThat(Files.exists(target.resolve("REINDEX"))).isFalse();
        }

        // a second restore into the now used directory is refused
        assertThatThrownBy(() -> BackendMain.restoreIfRequested(
                        SIGNING, "--kb.restore.from=" + archive, "--kb.data-dir=" + target))
                .isInstanceOf(Restorer.TargetNotEmpty.class);

        // one changed byte in one table: refused before anything is written
        Path tampered = archive.resolveSibling("tampered.zip");
        rewrite(archive, tampered, "db/article.ndjson", s -> s.replace("光纤交换机端口故障排查", "光纤交换机端口故障排除"));
        Path untouched = BackendServer.tempDataDir("kb-backup-tampered").resolve("target");
        assertThatThrownBy(() -> BackendMain.restoreIfRequested(
                        SIGNING, "--kb.restore.from=" + tampered, "--kb.data-dir=" + untouched))
                .isInstanceOf(ArchiveReader.InvalidArchive.class)
                .hasMessageContaining("Checksum mismatch in 'db/article.ndjson'");
        assertThat(untouched).doesNotExist();
        // an entry smuggled in without a checksum, and a truncated archive
        Path extra = archive.resolveSibling("extra.zip");
        rewrite(archive, extra, "files/../../evil.sh", s -> s);
        assertThatThrownBy(() -> BackendMain.restoreIfRequested(
                        SIGNING, "--kb.restore.from=" + extra, "--kb.data-dir=" + untouched))
                .isInstanceOf(ArchiveReader.InvalidArchive.class);
        Path truncated = archive.resolveSibling("truncated.zip");
        Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(archive), (int) Files.size(archive) / 2));
        assertThatThrownBy(() -> BackendMain.restoreIfRequested(
                        SIGNING, "--kb.restore.from=" + truncated, "--kb.data-dir=" + untouched))
                .isInstanceOf(ArchiveReader.InvalidArchive.class);
        assertThat(untouched).doesNotExist();

        // the same archive restored into PostgreSQL: the same rows
        try (PostgresCluster pg = PostgresCluster.start("restored")) {
            Path pgData = BackendServer.tempDataDir("kb-backup-pg");
            BackendMain.restoreIfRequested(
                    SIGNING,
                    "--kb.restore.from=" + archive,
                    "--kb.data-dir=" + pgData,
                    "--kb.db.url=" + pg.jdbcUrl("restored"),
                    "--kb.db.username=postgres",
                    "--kb.db.password=");
            assertThat(withoutRestoreEvents(normalised(pg.jdbcUrl("restored")))).isEqualTo(restoredOnH2);
        }
    }

    /** The restored installation has every row; the audit log also has the restore itself. */
    private static void assertSameRows(Map<String, List<String>> before, Map<String, List<String>> after) {
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String table : before.keySet()) {
            if (table.equals("audit_event")) {
                assertThat(after.get(table)).containsAll(before.get(table));
                List<String> extra = new ArrayList<>(after.get(table));
                extra.removeAll(before.get(table));
                // events written after the read-out above: the backup request itself and the restore
                assertThat(extra)
                        .allSatisfy(
                                e -> assertThat(e).containsAnyOf("action=backups.create|", "action=backups.restore|"));
                assertThat(extra).anySatisfy(e -> assertThat(e).contains("action=backups.restore|"));
            } else if (table.equals("audit_chain")) {
                // the chain's tip moves with those events; the restore's record waits to be chained
                assertThat(after.get(table)).singleElement().asString().doesNotContain("pending_until=0|");
            } else {
                assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
            }
        }
    }

    private static Map<String, List<String>> withoutRestoreEvents(Map<String, List<String>> rows) {
        rows.get("audit_event").removeIf(r -> r.contains("\"action\":\"backups.restore\""));
        return rows;
    }

    /** Rows of any database in one form (the archive's value encoding), for comparing H2 with PostgreSQL. */
    private static Map<String, List<String>> normalised(String url) throws Exception {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        try (java.sql.Connection c =
                java.sql.DriverManager.getConnection(url, url.contains("h2") ? "sa" : "postgres", "")) {
            Schema schema = Schema.read(c);
            for (Schema.Table t : schema.tables().values()) {
                if (t.key().equals("backup_run")) {
                    continue;
                }
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                var writer = new ArchiveWriter(java.io.OutputStream.nullOutputStream(), Seals.acceptingUnsigned());
                List<String> rows = new ArrayList<>();
                try (var ps = c.prepareStatement("SELECT * FROM " + schema.q(t.name()));
                        var rs = ps.executeQuery();
                        var g = Archives.JSON.createGenerator(bytes)) {
                    while (rs.next()) {
                        bytes.reset();
                        g.writeStartObject();
                        for (int i = 0; i < t.columns().size(); i++) {
                            Schema.Column col = t.columns().get(i);
                            g.writeName(col.name().toLowerCase(java.util.Locale.ROOT));
                            RowCodec.write(g, rs, rs.findColumn(col.name()), col.type());
                        }
                        g.writeEndObject();
                        g.flush();
                        rows.add(bytes.toString(StandardCharsets.UTF_8).strip());
                    }
                }
                writer.close();
                rows.sort(null);
                out.put(t.key(), rows);
            }
        }
        return out;
    }

    private static Map<String, List<String>> search(WebTestClient http) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (String q : QUERIES) {
            @SuppressWarnings("unchecked")
            Map<String, Object> r = http.get()
                    .uri("/api/search?q={q}&size=20", q)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> hits = (List<Map<String, Object>>) r.get("hits");
            List<String> ids = new ArrayList<>();
            ids.add("total=" + r.get("total"));
            hits.forEach(h -> ids.add(h.get("id") + " " + h.get("title")));
            out.put(q, ids);
        }
        assertThat(out.get("光纤交换机")).anySatisfy(h -> assertThat(h).startsWith("BK-1 "));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> awaitDone(WebTestClient http, String admin, String id) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            Map<String, Object> run = http.get()
                    .uri("/api/admin/backups/{id}", id)
                    .header("Authorization", "Bearer " + admin)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody();
            if (!"RUNNING".equals(run.get("status"))) {
                assertThat(run.get("status"))
                        .as(String.valueOf(run.get("error")))
                        .isEqualTo("DONE");
                return run;
            }
            Installation.sleep(100);
        }
        throw new AssertionError("backup did not finish in 60 s");
    }

    /** Copies a zip, changing one entry's text (or adding it when absent). */
    private static void rewrite(Path from, Path to, String entry, java.util.function.UnaryOperator<String> change)
            throws IOException {
        boolean seen = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals(entry)) {
                    bytes = change.apply(new String(bytes, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                    seen = true;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
            if (!seen) {
                out.putNextEntry(new ZipEntry(entry));
                out.write("#!/bin/sh\n".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
    }
}
