package org.kbportal.backend.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kbportal.backend.testing.BackendServer;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The knowledge base moves to another installation: export, import with {@code skip} (twice: nothing
 * new the second time), an edit overwritten by {@code overwrite}, search finds the imported articles;
 * a changed archive and non-admins are refused.
 */
class KnowledgeArchiveIT {

    /** Both installations share the archive key (国密 suite): exports travel encrypted and signed. */
    private static final Map<String, String> SETTINGS = Map.of(
            "kb.seed.index-data",
            "false",
            "kb.search.embeddings",
            "false",
            "kb.crypto.suite",
            "SM",
            "kb.backup.encryption-key",
            "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");

    @Test
    @SuppressWarnings("unchecked")
    void shouldMoveTheKnowledgeBaseBetweenInstallations() throws Exception {
        byte[] export;
        String manualId;
        try (BackendServer a = BackendServer.start(BackendServer.tempDataDir("kb-export-src"), SETTINGS)) {
            Installation.populate(a);
            String admin = a.login("admin", "admin-demo-2026");
            manualId = uploadManual(a.client(), admin);
            String user = a.login("user", "user-demo-2026");
            a.client()
                    .get()
                    .uri("/api/admin/export")
                    .header("Authorization", "Bearer " + user)
                    .exchange()
                    .expectStatus()
                    .isForbidden();
            export = a.client()
                    .get()
                    .uri("/api/admin/export")
                    .header("Authorization", "Bearer " + admin)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .returnResult()
                    .getResponseBody();
        }
        try (BackendServer b = BackendServer.start(BackendServer.tempDataDir("kb-export-dst"), SETTINGS)) {
            WebTestClient http = b.client();
            String admin = b.login("admin", "admin-demo-2026");
            // a changed byte, and an archive sealed with another installation's key: refused, nothing stored
            byte[] flipped = export.clone();
            flipped[flipped.length / 2] ^= 1;
            assertThat(importArchive(http, admin, flipped, "skip", 400).get("type"))
                    .isEqualTo("urn:kb:invalid-archive");
            assertThat(importArchive(http, admin, foreign(), "skip", 400).get("detail"))
                    .asString()
                    .contains("does not decrypt");
            Map<String, Object> first = importArchive(http, admin, export, "skip", 200);
            assertThat((Map<String, Integer>) first.get("inserted"))
                    .containsEntry("article", 9)
                    .containsEntry("manual_source", 1)
                    .containsEntry("synonym_group", 1)
                    .containsEntry("category", 2);
            assertThat((Map<String, Integer>) first.get("inserted")).doesNotContainKeys("app_user", "question");
            Installation.awaitIndexed(http, admin);
            Map<String, Object> found = http.get()
                    .uri("/api/search?q=光纤交换机")
                    .exchange()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody();
            assertThat((List<Map<String, Object>>) found.get("hits"))
                    .first()
                    .satisfies(h -> assertThat(h.get("id")).isEqualTo("BK-1"));
            http.get()
                    .uri("/api/articles/BK-1/versions")
                    .header("Authorization", "Bearer " + admin)
                    .exchange()
                    .expectBody()
                    .jsonPath("$.length()")
                    .value(n -> assertThat((Integer) n).isGreaterThanOrEqualTo(2));
            byte[] original = http.get()
                    .uri("/api/articles/{id}/file", manualId)
                    .header("Authorization", "Bearer " + admin)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .returnResult()
                    .getResponseBody();
            assertThat(new String(original, java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(MANUAL);
            http.get()
                    .uri("/api/categories")
                    .exchange()
                    .expectBody()
                    .jsonPath("$[?(@.code == 'san')].parentCode")
                    .value(v -> assertThat(v.toString()).contains("storage"));

            Map<String, Object> again = importArchive(http, admin, export, "skip", 200);
            assertThat((Map<String, Integer>) again.get("inserted")).isEmpty();
            assertThat((Map<String, Integer>) again.get("skipped"))
                    .containsEntry("article", 9)
                    // the six shipped groups and the imported one, matched by their terms
                    .containsEntry("synonym_group", 7);

            Installation.put(
                    http,
                    admin,
                    "/api/admin/articles/BK-1",
                    Map.of("type", "faq", "lang", "zh", "title", "本地修改的标题", "body", "本地正文"));
            importArchive(http, admin, export, "overwrite", 200);
            http.get()
                    .uri("/api/articles/BK-1")
                    .exchange()
                    .expectBody()
                    .jsonPath("$.title")
                    .isEqualTo("光纤交换机端口故障排查（第二版）");

            byte[] changed = export.clone();
            changed[changed.length / 3] ^= 0x5A;
            Map<String, Object> refused = importArchive(http, admin, changed, "skip", 400);
            assertThat(refused.get("type")).isEqualTo("urn:kb:invalid-archive");
            importArchive(http, admin, export, "replace-all", 400);
        }
    }

    static final String MANUAL = "# 存储运维手册\n\n## 第一章 巡检\n\n每日检查磁盘阵列告警灯。\n\n" + "## 第二章 扩容\n\n扩容前先备份 LUN 映射表。\n";

    /** A Markdown manual: its original document (manual_source + stored_file) must travel too. */
    @SuppressWarnings("unchecked")
    private static String uploadManual(WebTestClient http, String admin) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(MANUAL.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    @Override
                    public String getFilename() {
                        return "存储运维手册.md";
                    }
                })
                .contentType(MediaType.parseMediaType("text/markdown"));
        Map<String, Object> created = http.post()
                .uri("/api/admin/manuals?wait=30")
                .header("Authorization", "Bearer " + admin)
                .body(BodyInserters.fromMultipartData(body.build()))
                .exchange()
                .expectStatus()
                .is2xxSuccessful()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return (String) created.get("id");
    }

    /** An empty export encrypted and signed with a key these installations do not have. */
    private static byte[] foreign() throws Exception {
        ArchiveSeal other = Seals.of("SM", "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=", "", false);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ArchiveWriter w = new ArchiveWriter(bytes, other)) {
            w.manifest(
                    new Manifest(
                            Manifest.FORMAT,
                            KnowledgeArchive.KIND,
                            "test",
                            "1",
                            "H2",
                            java.time.Instant.now(),
                            List.of(),
                            0,
                            w.digests()),
                    Archives.JSON);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> importArchive(
            WebTestClient http, String admin, byte[] zip, String mode, int status) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(zip) {
                    @Override
                    public String getFilename() {
                        return "kb-export.zip";
                    }
                })
                .contentType(MediaType.parseMediaType("application/zip"));
        return http.post()
                .uri("/api/admin/import/archive?mode={m}", mode)
                .header("Authorization", "Bearer " + admin)
                .body(BodyInserters.fromMultipartData(body.build()))
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }
}
