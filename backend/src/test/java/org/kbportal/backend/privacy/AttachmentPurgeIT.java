package org.kbportal.backend.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kbportal.backend.files.FileStore;
import org.kbportal.backend.testing.BackendServer;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * With {@code kb.privacy.attachment-retention-days=30}, a question closed 31 days ago loses its attachments (rows
 * and files), one closed 29 days ago and an open one keep theirs; the purge is audited as a system action and a
 * second run removes nothing.
 */
class AttachmentPurgeIT {

    @Test
    void shouldPurgeAttachmentsOfQuestionsClosedLongerThanThePeriodOnly() {
        Map<String, String> settings = Map.of(
                "kb.seed.index-data", "false",
                "kb.search.embeddings", "false",
                "kb.privacy.attachment-retention-days", "30");
        try (BackendServer server = BackendServer.start(BackendServer.tempDataDir("kb-attachment-purge"), settings)) {
            String user = server.login("user", "user-demo-2026");
            long old = ask(server, user, "旧问题 old closed");
            long recent = ask(server, user, "新关闭 recently closed");
            long open = ask(server, user, "未关闭 still open");
            String oldFile = attach(server, user, old, "old.log");
            String recentFile = attach(server, user, recent, "recent.log");
            String openFile = attach(server, user, open, "open.log");
            Path oldPath = path(server, oldFile);
            assertThat(oldPath).exists();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            close(server, old, now.minusDays(31));
            close(server, recent, now.minusDays(29));

            AttachmentPurge.Purged purged =
                    server.bean(AttachmentPurge.class).purge().block(Duration.ofSeconds(30));

            assertThat(purged.attachments()).isOne();
            assertThat(purged.questions()).isOne();
            assertThat(count(server, "SELECT COUNT(*) FROM question_attachment WHERE question_id = " + old))
                    .isZero();
            assertThat(count(server, "SELECT COUNT(*) FROM stored_file WHERE id = '" + oldFile + "'"))
                    .isZero();
            assertThat(oldPath).doesNotExist();
            for (String kept : List.of(recentFile, openFile)) {
                assertThat(count(server, "SELECT COUNT(*) FROM question_attachment WHERE file_id = '" + kept + "'"))
                        .isOne();
                assertThat(path(server, kept)).exists();
            }
            assertThat(count(server, "SELECT COUNT(*) FROM question WHERE id = " + old))
                    .as("the question itself stays")
                    .isOne();
            assertThat(
                            count(
                                    server,
                                    "SELECT COUNT(*) FROM audit_event WHERE actor = 'system'"
                                            + " AND action = 'privacy.attachment-purge' AND details LIKE '1 attachments of 1 questions%'"))
                    .isOne();

            AttachmentPurge.Purged again =
                    server.bean(AttachmentPurge.class).purge().block(Duration.ofSeconds(30));
            assertThat(again.attachments()).as("idempotent").isZero();
            assertThat(count(server, "SELECT COUNT(*) FROM audit_event WHERE action = 'privacy.attachment-purge'"))
                    .isOne();
        }
    }

    private static long ask(BackendServer server, String token, String title) {
        Map<String, Object> body = server.client()
                .post()
                .uri("/api/questions")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "title", title, "body", "<p>见附件</p>", "kind", "FAULT", "severity", "C", "category", "network"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        return ((Number) body.get("id")).longValue();
    }

    private static String attach(BackendServer server, String token, long question, String name) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(("log of " + name + "\n").getBytes(StandardCharsets.UTF_8)) {
                    @Override
                    public String getFilename() {
                        return name;
                    }
                })
                .contentType(MediaType.APPLICATION_OCTET_STREAM);
        server.client()
                .post()
                .uri("/api/questions/" + question + "/attachments")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build()))
                .exchange()
                .expectStatus()
                .isCreated();
        return server.bean(DatabaseClient.class)
                .sql("SELECT file_id FROM question_attachment WHERE question_id = :q")
                .bind("q", question)
                .map(r -> r.get("file_id", String.class))
                .one()
                .block(Duration.ofSeconds(10));
    }

    private static Path path(BackendServer server, String fileId) {
        FileStore files = server.bean(FileStore.class);
        return files.path(files.find(fileId).block(Duration.ofSeconds(10)));
    }

    /** Closed at the given time, as the status model's last step leaves a question. */
    private static void close(BackendServer server, long question, OffsetDateTime at) {
        server.bean(DatabaseClient.class)
                .sql("UPDATE question SET status = 'CLOSED', resolved_at = :at, closed_at = :at WHERE id = :q")
                .bind("at", at)
                .bind("q", question)
                .then()
                .block(Duration.ofSeconds(10));
    }

    private static long count(BackendServer server, String query) {
        return server.bean(DatabaseClient.class)
                .sql(query)
                .map(r -> ((Number) r.get(0)).longValue())
                .one()
                .block(Duration.ofSeconds(10));
    }
}
