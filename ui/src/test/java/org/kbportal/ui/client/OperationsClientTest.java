package org.kbportal.ui.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.kbportal.contract.audit.AuditPage;
import org.kbportal.contract.backup.BackupRun;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

class OperationsClientTest {

    private static final BackendProperties PROPS =
            new BackendProperties(URI.create("http://backend.test"), Duration.ofSeconds(1), Duration.ofSeconds(5), "");

    private final RestClient.Builder builder =
            BackendClientConfig.configure(RestClient.builder(), PROPS, TokenSource.anonymous());
    private final MockRestServiceServer server =
            MockRestServiceServer.bindTo(builder).build();
    private final OperationsClient ops = BackendServices.over(builder.build()).client(OperationsClient.class);
    private final BackendFiles files = new BackendFiles(builder.build());

    @Test
    void shouldStartABackupAndReadItsProgress() {
        server.expect(requestTo("http://backend.test/api/admin/backups"))
                .andExpect(method(HttpMethod.POST))
                .andRespond(withStatus(HttpStatus.ACCEPTED)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body("""
                                {"id":"b1","status":"RUNNING","trigger":"MANUAL","requestedBy":"admin","progress":40,
                                 "tablesDone":8,"tablesTotal":20,"filesDone":0,"filesTotal":3,
                                 "startedAt":"2026-11-23T10:00:00Z"}
                                """));

        BackupRun run = ops.startBackup();

        assertThat(run.running()).isTrue();
        assertThat(run.downloadable()).isFalse();
        assertThat(run.progress()).isEqualTo(40);
        server.verify();
    }

    @Test
    void shouldSendTheAuditFilterAndStreamTheCsv() {
        server.expect(requestTo(
                        "http://backend.test/api/audit?from=2026-11-01&to=2026-11-30&action=articles&page=2&size=50"))
                .andRespond(withSuccess("""
                        {"total":101,"items":[{"id":7,"occurredAt":"2026-11-20T08:00:00Z","actor":"admin",
                         "action":"articles.publish","target":"FAQ-1","status":200,"clientIp":"10.0.0.9"}]}
                        """, MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://backend.test/api/audit/export?actor=%E5%BC%A0%E4%B8%89"))
                .andRespond(withSuccess("id,occurred_at\r\n", MediaType.parseMediaType("text/csv")));

        AuditPage page = ops.audit(
                new AuditFilter(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), " ", "articles"), 2, 50);
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        files.stream(ops.auditCsv(new AuditFilter(null, null, "张三", "")), BackendFiles.Caller.anonymous(), () -> csv);

        assertThat(page.total()).isEqualTo(101);
        assertThat(page.items()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("articles.publish");
            assertThat(e.clientIp()).isEqualTo("10.0.0.9");
        });
        assertThat(csv.toString(StandardCharsets.UTF_8)).startsWith("id,occurred_at");
        server.verify();
    }

    @Test
    void shouldForwardTheBrowsersAddressForTheAuditLog() {
        TokenSource browser = new TokenSource() {
            @Override
            public java.util.Optional<String> currentToken() {
                return java.util.Optional.of("t0k");
            }

            @Override
            public void tokenRejected() {}

            @Override
            public java.util.Optional<String> clientAddress() {
                return java.util.Optional.of("198.51.100.7");
            }
        };
        RestClient.Builder b = BackendClientConfig.configure(RestClient.builder(), PROPS, browser);
        MockRestServiceServer mock = MockRestServiceServer.bindTo(b).build();
        mock.expect(requestTo("http://backend.test/api/admin/backups"))
                .andExpect(org.springframework.test.web.client.match.MockRestRequestMatchers.header(
                        "X-Forwarded-For", "198.51.100.7"))
                .andRespond(withSuccess("[]", MediaType.APPLICATION_JSON));

        assertThat(BackendServices.over(b.build())
                        .client(OperationsClient.class)
                        .backups())
                .isEmpty();
        mock.verify();
    }

    @Test
    void shouldTurnARefusedDownloadIntoAProblem() {
        server.expect(requestTo("http://backend.test/api/admin/backups/x/file"))
                .andRespond(withStatus(HttpStatus.NOT_FOUND)
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body("""
                                {"type":"urn:kb:backup-not-ready","title":"Not found","status":404,
                                 "detail":"Backup x has no archive."}
                                """));

        boolean[] opened = new boolean[1];
        assertThatThrownBy(() -> files.stream(ops.backupArchive("x"), new BackendFiles.Caller("t0k", null), () -> {
                    opened[0] = true;
                    return new ByteArrayOutputStream();
                }))
                .isInstanceOfSatisfying(
                        BackendException.class, e -> assertThat(e.getMessage()).contains("no archive"));
        // refused before the download's output was opened, so the portal can still answer with a message
        assertThat(opened[0]).isFalse();
    }

    @Test
    void shouldStreamADownloadAsTheCallerCapturedBeforehand() {
        RestClient.Builder b = BackendFiles.configure(RestClient.builder(), PROPS);
        MockRestServiceServer mock = MockRestServiceServer.bindTo(b).build();
        mock.expect(requestTo("http://backend.test/api/admin/backups/b1/file"))
                .andExpect(org.springframework.test.web.client.match.MockRestRequestMatchers.header(
                        "Authorization", "Bearer t0k"))
                .andExpect(org.springframework.test.web.client.match.MockRestRequestMatchers.header(
                        "X-Forwarded-For", "198.51.100.7"))
                .andRespond(withSuccess(new byte[] {1, 2, 3}, MediaType.APPLICATION_OCTET_STREAM));
        mock.expect(requestTo("http://backend.test/api/articles/MANUAL-1/file?version=2"))
                .andExpect(org.springframework.test.web.client.match.MockRestRequestMatchers.headerDoesNotExist(
                        "Authorization"))
                .andRespond(withStatus(HttpStatus.UNAUTHORIZED));
        BackendFiles streaming = new BackendFiles(b.build());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        streaming.stream(ops.backupArchive("b1"), new BackendFiles.Caller("t0k", "198.51.100.7"), () -> out);
        // a visitor's download: no token, and a 401 does not try to sign the session out
        assertThatThrownBy(() -> streaming.stream(
                        new ManualClient(b.build()).original("MANUAL-1", 2),
                        BackendFiles.Caller.anonymous(),
                        () -> out))
                .isInstanceOfSatisfying(
                        BackendException.class, e -> assertThat(e.status()).isEqualTo(401));

        assertThat(out.toByteArray()).containsExactly(1, 2, 3);
        mock.verify();
    }
}
