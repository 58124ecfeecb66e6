package org.kbportal.backend.manual;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kbportal.backend.testing.BackendServer;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Manuals from documents and attachments, against a real backend (H2, Lucene): documents generated
 * here are uploaded through the API and found by a phrase from their third section; broken files are
 * refused with nothing stored; a new upload makes a new version with a diff; attachments download
 * as attachments and sniffed types are enforced.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManualsIT {

    static final List<TestDocuments.Part> ZH = DocumentReaderTest.PARTS;

    BackendServer server;
    WebTestClient http;
    String admin;
    String user;

    record Reply(int status, Map<String, Object> body, HttpHeaders headers) {}

    @BeforeAll
    void start() throws Exception {
        server = startServer(Map.of(
                "kb.seed.index-data", "false",
                "kb.search.embeddings", "false",
                "kb.manuals.max-upload", "3MB"));
        http = server.client();
        admin = server.login("admin", "admin-demo-2026");
        user = server.login("user", "user-demo-2026");
    }

    /** The backend under test: H2 here, PostgreSQL in {@link PostgresManualsIT}. */
    protected BackendServer startServer(Map<String, String> properties) throws Exception {
        return BackendServer.start(BackendServer.tempDataDir("kb-manuals-it"), properties);
    }

    protected void afterServer() throws Exception {}

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        afterServer();
    }

    @Test
    void shouldFindTheThirdSectionOfAChinesePdfWithItsPage() {
        List<TestDocuments.Part> parts =
                List.of(ZH.get(0), ZH.get(1), new TestDocuments.Part("第三章 磁带轮换", List.of("磁带库轮换策略每周五执行。")), ZH.get(3));
        byte[] pdf = TestDocuments.pdf("备份系统手册", parts, true, 2, null);
        Reply r = upload("backup.pdf", pdf, Map.of("category", "", "lang", "zh"), null);
        assertThat(r.status()).isEqualTo(201);
        String id = (String) r.body().get("id");
        assertThat(r.body())
                .containsEntry("status", "DRAFT")
                .containsEntry("sections", 4)
                .containsEntry("pages", 8);
        publish(id);
        List<Map<String, Object>> hits = hits("磁带库轮换策略每周五执行");
        assertThat(hits)
                .extracting(h -> (String) h.get("id"))
                .as(hits.toString())
                .first()
                .isEqualTo(id + "~3");
        Map<String, Object> hit = hits.get(0);
        assertThat((String) hit.get("title")).isEqualTo("备份系统手册 › 第三章 磁带轮换（第 5 页）");
        Map<String, Object> article = get("/api/articles/" + id + "~3", null).body();
        assertThat(article.get("section")).isEqualTo(3);
        assertThat(sections(article)).extracting(s -> s.get("page")).containsExactly(1, 3, 5, 7);
        EntityExchangeResult<byte[]> file = download("/api/articles/" + id + "/file", null);
        assertThat(file.getResponseBody()).isEqualTo(pdf);
        assertThat(file.getResponseHeaders().getContentDisposition().isAttachment())
                .isTrue();
        assertThat(file.getResponseHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void shouldFindTheThirdSectionOfWordHtmlAndMarkdown() {
        List<TestDocuments.Part> en = List.of(
                new TestDocuments.Part("Overview", List.of("What the gateway does.")),
                new TestDocuments.Part("Installation", List.of("Unpack the archive.")),
                new TestDocuments.Part("Certificate rotation", List.of("Rotate the quokka certificates quarterly.")),
                new TestDocuments.Part("Troubleshooting", List.of("Read the logs.")));
        Map<String, byte[]> docs = Map.of(
                "gateway.docx", TestDocuments.docx("Gateway manual", en, true),
                "gateway.html", TestDocuments.html("Gateway manual", en),
                "gateway.md", TestDocuments.markdown("Gateway manual", en));
        for (var doc : docs.entrySet()) {
            Reply r = upload(doc.getKey(), doc.getValue(), Map.of("title", "GW " + doc.getKey()), null);
            assertThat(r.status()).as(doc.getKey()).isEqualTo(201);
            String id = (String) r.body().get("id");
            publish(id);
            List<Map<String, Object>> hits = hits("quokka certificates");
            assertThat(hits)
                    .extracting(h -> (String) h.get("id"))
                    .as(doc.getKey())
                    .contains(id + "~" + third(doc.getKey()));
        }
        // the markdown manual has its title as an introduction, so its third section is the second heading
        assertThat(hits("quokka certificates")).hasSize(3);
    }

    private static int third(String name) {
        return name.endsWith(".md") ? 4 : 3;
    }

    @Test
    void shouldRefuseBrokenFilesAndStoreNothing() throws IOException {
        long articlesBefore = manualCount();
        long filesBefore = storedFiles();
        byte[] corrupt = "%PDF-1.7\n\u0001garbage".getBytes(StandardCharsets.ISO_8859_1);
        assertProblem(upload("corrupt.pdf", corrupt, Map.of(), null), 422, "urn:kb:corrupt-document");
        byte[] encrypted = TestDocuments.pdf("secret", ZH, true, 1, "user-secret");
        assertProblem(upload("secret.pdf", encrypted, Map.of(), null), 422, "urn:kb:encrypted-document");
        byte[] word = TestDocuments.docx("t", ZH, false);
        assertProblem(upload("word.pdf", word, Map.of(), null), 415, "urn:kb:file-type-mismatch");
        assertProblem(upload("tool.exe", word, Map.of(), null), 415, "urn:kb:unsupported-file-type");
        byte[] big = new byte[4 * 1024 * 1024];
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 9);
        assertProblem(upload("big.pdf", big, Map.of(), null), 413, "urn:kb:file-too-large");
        assertThat(manualCount()).isEqualTo(articlesBefore);
        assertThat(storedFiles()).isEqualTo(filesBefore);
        assertThat(hits("garbage")).isEmpty();
        assertThat(upload("x.pdf", corrupt, Map.of(), user).status()).isEqualTo(403);
    }

    @Test
    void shouldMakeANewVersionAndDiffIt() {
        List<TestDocuments.Part> v1 = List.of(
                new TestDocuments.Part("Start", List.of("Power on.")),
                new TestDocuments.Part("Stop", List.of("Power off.")));
        List<TestDocuments.Part> v2 = List.of(
                new TestDocuments.Part("Start", List.of("Power on.")),
                new TestDocuments.Part("Stop", List.of("Drain the queue, then power off.")),
                new TestDocuments.Part("Restart", List.of("Stop, then start.")));
        byte[] first = TestDocuments.markdown("Router ops", v1);
        Reply created = upload("router.md", first, Map.of(), null);
        String id = (String) created.body().get("id");
        int v = ((Number) created.body().get("version")).intValue();
        Reply next = upload("router-v2.md", TestDocuments.markdown("Router ops", v2), Map.of("manualId", id), null);
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.body())
                .containsEntry("id", id)
                .containsEntry("version", v + 1)
                .containsEntry("sections", 4);
        List<Map<String, Object>> versions = list("/api/articles/" + id + "/versions", admin);
        assertThat(versions).extracting(x -> x.get("version")).containsExactly(v + 1, v);
        assertThat((String) versions.get(1).get("body")).contains("Power off.").doesNotContain("Restart");
        Map<String, Object> diff = get("/api/articles/" + id + "/diff?from=" + v + "&to=" + (v + 1), admin)
                .body();
        assertThat(diff).containsEntry("added", 5).containsEntry("removed", 1);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> changes = (List<Map<String, Object>>) diff.get("sections");
        assertThat(changes)
                .extracting(c -> c.get("heading") + ":" + c.get("change"))
                .containsExactly("Router ops:UNCHANGED", "Start:UNCHANGED", "Stop:CHANGED", "Restart:ADDED");
        assertThat(download("/api/articles/" + id + "/file?version=" + v, admin).getResponseBody())
                .isEqualTo(first);
        assertThat(get("/api/articles/" + id + "/diff?from=1&to=99", admin).status())
                .isEqualTo(404);
        List<Map<String, Object>> manuals = list("/api/admin/manuals", admin);
        assertThat(manuals)
                .filteredOn(m -> id.equals(m.get("id")))
                .singleElement()
                .satisfies(m -> assertThat(m.get("uploads")).isEqualTo(2));
    }

    @Test
    void shouldShowHistoryOnlyToCurators() {
        String expert = server.login("expert", "expert-demo-2026");
        byte[] first = TestDocuments.markdown(
                "Vault ops", List.of(new TestDocuments.Part("Login", List.of("Password: hunter2-vault-secret."))));
        byte[] second = TestDocuments.markdown(
                "Vault ops",
                List.of(new TestDocuments.Part("Login", List.of("Ask the duty officer for the password."))));
        Reply created = upload("vault.md", first, Map.of(), null);
        String id = (String) created.body().get("id");
        int v = ((Number) created.body().get("version")).intValue();
        publish(id);
        assertThat(upload("vault-v2.md", second, Map.of("manualId", id), null).status())
                .isEqualTo(200);
        http.post()
                .uri("/api/admin/articles/" + id + "/publish")
                .header("Authorization", "Bearer " + admin)
                .exchange()
                .expectStatus()
                .value(status -> assertThat(status).isIn(200, 409));
        // the uploads' versions (publishing adds article versions in between)
        List<Object> uploads = list("/api/articles/" + id + "/sources", admin).stream()
                .map(x -> x.get("version"))
                .toList();
        assertThat(uploads).hasSize(2);
        int newer = ((Number) uploads.get(0)).intValue();
        assertThat(((Number) uploads.get(1)).intValue()).isEqualTo(v);
        assertThat(list("/api/articles/" + id + "/versions", admin)).hasSizeGreaterThan(2);

        String[] history = {
            "/api/articles/" + id + "/versions",
            "/api/articles/" + id + "/diff?from=" + v + "&to=" + newer,
            "/api/articles/" + id + "/file?version=" + v,
        };
        // readers: anonymous and USER get 404 problems, never the removed password
        for (String token : new String[] {null, user}) {
            for (String uri : history) {
                EntityExchangeResult<byte[]> r = exchange(uri, token);
                assertThat(r.getStatus().value()).as(uri).isEqualTo(404);
                assertThat(r.getResponseHeaders().getContentType()).as(uri).hasToString("application/problem+json");
                assertThat(new String(r.getResponseBodyContent(), StandardCharsets.UTF_8))
                        .as(uri)
                        .doesNotContain("hunter2");
            }
            // the same answer as for an article that does not exist
            assertThat(get("/api/articles/" + id + "/versions", token).body())
                    .containsEntry(
                            "type",
                            get("/api/articles/NO-SUCH-ID/versions", admin)
                                    .body()
                                    .get("type"));
            // the current published original still works, and only it is listed
            assertThat(download("/api/articles/" + id + "/file", token).getResponseBody())
                    .isEqualTo(second);
            assertThat(download("/api/articles/" + id + "/file?version=" + newer, token)
                            .getResponseBody())
                    .isEqualTo(second);
            assertThat(list("/api/articles/" + id + "/sources", token))
                    .extracting(x -> x.get("version"))
                    .containsExactly(newer);
        }
        // curators: EXPERT and ADMIN see every version, the diff and the older original
        for (String token : List.of(expert, admin)) {
            assertThat(list("/api/articles/" + id + "/versions", token))
                    .extracting(x -> x.get("version"))
                    .contains(newer, v);
            assertThat(get("/api/articles/" + id + "/diff?from=" + v + "&to=" + newer, token)
                            .status())
                    .isEqualTo(200);
            assertThat(download("/api/articles/" + id + "/file?version=" + v, token)
                            .getResponseBody())
                    .isEqualTo(first);
            assertThat(list("/api/articles/" + id + "/sources", token))
                    .extracting(x -> x.get("version"))
                    .containsExactly(newer, v);
        }
    }

    private EntityExchangeResult<byte[]> exchange(String uri, String token) {
        WebTestClient.RequestHeadersSpec<?> spec = http.get().uri(uri);
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        return spec.exchange().expectBody(byte[].class).returnResult();
    }

    @Test
    void shouldAnswer202AndFinishTheJobInTheBackground() throws InterruptedException {
        Reply r = upload("slow.pdf", TestDocuments.pdf("Slow", ZH, true, 3, null), Map.of(), null, "?wait=0");
        assertThat(r.status()).isEqualTo(202);
        String location = r.headers().getLocation().toString();
        assertThat(location).startsWith("/api/admin/manuals/jobs/");
        Map<String, Object> job = r.body();
        for (int i = 0; i < 200 && "RUNNING".equals(job.get("state")); i++) {
            Thread.sleep(100);
            job = get(location, admin).body();
        }
        assertThat(job.get("state")).isEqualTo("DONE");
        assertThat(job.get("progress")).isEqualTo(1.0);
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) job.get("result");
        assertThat(result.get("sections")).isEqualTo(4);
        Reply failed =
                upload("bad.pdf", "%PDF-1.4\n\u0001".getBytes(StandardCharsets.ISO_8859_1), Map.of(), null, "?wait=0");
        Map<String, Object> failedJob = failed.body();
        for (int i = 0; i < 200 && "RUNNING".equals(failedJob.get("state")); i++) {
            Thread.sleep(100);
            failedJob = get(failed.headers().getLocation().toString(), admin).body();
        }
        assertThat(failedJob.get("state")).isEqualTo("FAILED");
        assertThat(failedJob.get("problem").toString()).contains("urn:kb:corrupt-document");
    }

    @Test
    void shouldAttachFilesAsDownloadsAndEnforceSniffedTypes() {
        byte[] md = "# Scripts\n\nBackup scripts for the tape library.\n".getBytes(StandardCharsets.UTF_8);
        String id = (String) upload("att.md", md, Map.of(), null).body().get("id");
        publish(id);
        byte[] script = "#!/bin/sh\necho 备份\n".getBytes(StandardCharsets.UTF_8);
        Reply added = attach(id, "backup.sh", script, admin);
        assertThat(added.status()).isEqualTo(201);
        String fileId = (String) added.body().get("id");
        assertThat(added.body()).containsEntry("name", "backup.sh").containsEntry("contentType", "application/x-sh");
        assertThat(list("/api/articles/" + id + "/attachments", null))
                .extracting(a -> a.get("id"))
                .containsExactly(fileId);
        EntityExchangeResult<byte[]> file = download("/api/articles/" + id + "/attachments/" + fileId, null);
        assertThat(file.getResponseBody()).isEqualTo(script);
        assertThat(file.getResponseHeaders().getContentDisposition().isAttachment())
                .isTrue();
        assertThat(file.getResponseHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0};
        assertProblem(attach(id, "innocent.sh", elf, admin), 415, "urn:kb:file-type-mismatch");
        assertProblem(attach(id, "tool.bin", elf, admin), 415, "urn:kb:file-type-not-allowed");
        assertThat(attach(id, "x.sh", script, user).status()).isEqualTo(403);
        assertThat(list("/api/articles/" + id + "/attachments", null)).hasSize(1);
        assertThat(http.delete()
                        .uri("/api/admin/articles/" + id + "/attachments/" + fileId)
                        .header("Authorization", "Bearer " + admin)
                        .exchange()
                        .returnResult(Void.class)
                        .getStatus()
                        .value())
                .isEqualTo(204);
        assertThat(list("/api/articles/" + id + "/attachments", null)).isEmpty();
        assertThat(get("/api/articles/" + id + "/attachments/" + fileId, null).status())
                .isEqualTo(404);
    }

    // --- helpers

    private Reply upload(String name, byte[] bytes, Map<String, String> fields, String token) {
        return upload(name, bytes, fields, token, "");
    }

    private Reply upload(String name, byte[] bytes, Map<String, String> fields, String token, String query) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        fields.forEach(body::part);
        return multipart("/api/admin/manuals" + query, body, token == null ? admin : token);
    }

    private Reply attach(String id, String name, byte[] bytes, String token) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        return multipart("/api/admin/articles/" + id + "/attachments", body, token);
    }

    private Reply multipart(String uri, MultipartBodyBuilder body, String token) {
        EntityExchangeResult<Map<String, Object>> r = http.post()
                .uri(uri)
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build()))
                .exchange()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult();
        return new Reply(r.getStatus().value(), r.getResponseBody(), r.getResponseHeaders());
    }

    private Reply get(String uri, String token) {
        WebTestClient.RequestHeadersSpec<?> spec = http.get().uri(uri);
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        EntityExchangeResult<Map<String, Object>> r = spec.exchange()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult();
        return new Reply(r.getStatus().value(), r.getResponseBody(), r.getResponseHeaders());
    }

    private List<Map<String, Object>> list(String uri, String token) {
        WebTestClient.RequestHeadersSpec<?> spec = http.get().uri(uri);
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        return spec.exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .returnResult()
                .getResponseBody();
    }

    private EntityExchangeResult<byte[]> download(String uri, String token) {
        WebTestClient.RequestHeadersSpec<?> spec = http.get().uri(uri);
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        return spec.exchange().expectStatus().isOk().expectBody(byte[].class).returnResult();
    }

    private void publish(String id) {
        http.post()
                .uri("/api/admin/articles/" + id + "/publish")
                .header("Authorization", "Bearer " + admin)
                .exchange()
                .expectStatus()
                .isOk();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> hits(String q) {
        Map<String, Object> result = http.get()
                .uri("/api/search?q={q}", q)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        return (List<Map<String, Object>>) result.get("hits");
    }

    private Map<String, Object> firstHit(String q) {
        List<Map<String, Object>> hits = hits(q);
        assertThat(hits).as("hits for " + q).isNotEmpty();
        return hits.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> sections(Map<String, Object> article) {
        return (List<Map<String, Object>>) article.get("sections");
    }

    private long manualCount() {
        return ((Number) get("/api/articles?type=manual&size=100", admin).body().get("total")).longValue();
    }

    private long storedFiles() throws IOException {
        Path root = server.dataDir().resolve("files");
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void assertProblem(Reply r, int status, String type) {
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(status);
        assertThat(r.body()).as(String.valueOf(r.body())).containsEntry("type", type);
    }
}
