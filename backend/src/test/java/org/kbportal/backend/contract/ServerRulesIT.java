package org.kbportal.backend.contract;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kbportal.backend.testing.BackendServer;

/** {@code GET /api/rules} answers anyone with the limits as configured, not with copies of the defaults. H2. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerRulesIT {

    private BackendServer server;

    @BeforeAll
    void start() {
        server = BackendServer.start(
                BackendServer.tempDataDir("kb-rules-it"),
                Map.of(
                        "kb.seed.index-data", "false",
                        "kb.search.embeddings", "false",
                        "kb.search.max-result-window", "600",
                        "kb.manuals.max-upload", "7MB",
                        "kb.attachments.max-upload", "3MB",
                        "kb.questions.max-body-chars", "5000",
                        "kb.questions.attachment-max-size", "2MB",
                        "kb.questions.attachment-max-count", "4"));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void theRulesAreTheConfiguredLimitsAndNeedNoSignIn() {
        server.client()
                .get()
                .uri("/api/rules")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.search.maxResultWindow")
                .isEqualTo(600)
                .jsonPath("$.search.maxPageSize")
                .isEqualTo(100)
                .jsonPath("$.manualMaxBytes")
                .isEqualTo(7 * 1024 * 1024)
                .jsonPath("$.articleAttachmentMaxBytes")
                .isEqualTo(3 * 1024 * 1024)
                .jsonPath("$.questions.titleMaxLength")
                .isEqualTo(200)
                .jsonPath("$.questions.bodyMaxLength")
                .isEqualTo(5000)
                .jsonPath("$.questions.attachmentMaxBytes")
                .isEqualTo(2 * 1024 * 1024)
                .jsonPath("$.questions.attachmentMaxCount")
                .isEqualTo(4);
    }

    @Test
    void aSearchPastTheServedWindowIsRefused() {
        server.client()
                .get()
                .uri("/api/search?q=vpn&page=6&size=100")
                .exchange()
                .expectStatus()
                .isBadRequest();
        server.client()
                .get()
                .uri("/api/search?q=vpn&page=5&size=100")
                .exchange()
                .expectStatus()
                .isOk();
    }
}
