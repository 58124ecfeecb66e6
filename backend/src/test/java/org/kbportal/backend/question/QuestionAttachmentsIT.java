package org.kbportal.backend.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

/**
 * Question attachments on the embedded default (H2) with a 64 KB limit: allowed types from both
 * sides, shown in the question and downloadable as attachments; wrong types, oversize files and
 * strangers refused, with nothing left behind. Also the expert event stream's resume and heartbeat,
 * and the duty coverage report.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuestionAttachmentsIT {

    static final byte[] PNG = png();

    BackendServer server;
    Api api;
    String admin;
    String secadmin;
    String expert;
    String user;
    String outsider;
    String colleague;
    long question;

    @BeforeAll
    void start() {
        server = BackendServer.start(
                BackendServer.tempDataDir("kb-attachments-it"),
                Map.of(
                        "kb.seed.index-data", "false",
                        "kb.search.embeddings", "false",
                        "kb.questions.attachment-max-size", "64KB",
                        "kb.questions.attachment-max-count", "4",
                        "kb.questions.event-heartbeat", "300ms"));
        api = new Api(server.client());
        admin = server.login("admin", "admin-demo-2026");
        secadmin = server.login("secadmin", "secadmin-demo-2026");
        expert = server.login("expert", "expert-demo-2026");
        user = server.login("user", "user-demo-2026");
        api.post(
                secadmin,
                "/api/admin/users",
                Map.of(
                        "username",
                        "outsider",
                        "password",
                        "Portal-pass-2026",
                        "displayName",
                        "外单位用户",
                        "unit",
                        "另一个单位",
                        "roles",
                        List.of("USER")));
        api.post(
                secadmin,
                "/api/admin/users",
                Map.of(
                        "username",
                        "colleague",
                        "password",
                        "Portal-pass-2026",
                        "displayName",
                        "同事",
                        "unit",
                        "市政务服务中心",
                        "roles",
                        List.of("USER")));
        outsider = server.login("outsider", "Portal-pass-2026");
        colleague = server.login("colleague", "Portal-pass-2026");
        Api.Reply asked = api.post(
                user,
                "/api/questions",
                Map.of(
                        "title", "打印服务报错 print spooler crash",
                        "body", "<p>截图和日志见附件</p>",
                        "kind", "FAULT",
                        "severity", "C",
                        "category", "network"));
        assertThat(asked.status()).isEqualTo(201);
        question = asked.id();
    }

    long ask(String token, String title) {
        Api.Reply asked = api.post(
                token,
                "/api/questions",
                Map.of("title", title, "body", "<p>见附件</p>", "kind", "FAULT", "severity", "C", "category", "network"));
        assertThat(asked.status()).isEqualTo(201);
        return asked.id();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldAttachScreenshotsAndLogsFromBothSidesAndServeThemAsDownloads() {
        long question = ask(user, "截图与日志 screenshots and logs");
        var user1 = upload(user, question, file("屏幕截图.png", PNG), file("spooler.log", text(2000)));
        assertThat(user1.status()).isEqualTo(201);
        assertThat(user1.attachments()).extracting(a -> a.get("name")).contains("屏幕截图.png", "spooler.log");
        var fromExpert = upload(expert, question, file("fix.txt", "net stop spooler".getBytes(StandardCharsets.UTF_8)));
        assertThat(fromExpert.status()).isEqualTo(201);

        Api.Reply detail = api.get(user, "/api/questions/" + question);
        List<Map<String, Object>> attachments = detail.list("attachments");
        assertThat(attachments)
                .extracting(
                        a -> a.get("name"),
                        a -> a.get("contentType"),
                        a -> a.get("uploadedBy"),
                        a -> a.get("fromExpert"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("屏幕截图.png", "image/png", "user", false),
                        org.assertj.core.groups.Tuple.tuple("spooler.log", "text/plain", "user", false),
                        org.assertj.core.groups.Tuple.tuple("fix.txt", "text/plain", "expert", true));
        assertThat(detail.list("timeline")).anySatisfy(e -> {
            assertThat(e.get("type")).isEqualTo("ATTACHMENT");
            assertThat((String) e.get("detail")).contains("屏幕截图.png");
        });

        String png = (String) attachments.get(0).get("id");
        for (String who : List.of(user, colleague, expert, admin)) {
            var download = server.client()
                    .get()
                    .uri("/api/questions/" + question + "/attachments/" + png)
                    .header("Authorization", "Bearer " + who)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(byte[].class)
                    .returnResult();
            assertThat(download.getResponseBody()).isEqualTo(PNG);
            assertThat(download.getResponseHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                    .startsWith("attachment;");
            assertThat(download.getResponseHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        }
    }

    @Test
    void shouldRefuseOtherTypesOversizeFilesAndStrangersLeavingNothingBehind() {
        long before = count();
        byte[] exe = new byte[600];
        exe[0] = 'M';
        exe[1] = 'Z';
        var wrongType = upload(user, question, file("tool.exe", exe));
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.raw()).contains("urn:kb:file-type-not-allowed");
        // an HTML page is text, but not an allowed attachment type
        var html = upload(
                user, question, file("page.html", "<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8)));
        assertThat(html.status()).isEqualTo(415);

        // all or none: the allowed first file is removed with the oversize second one
        var oversize = upload(user, question, file("ok.log", text(100)), file("huge.log", text(100 * 1024)));
        assertThat(oversize.status()).isEqualTo(413);
        assertThat(oversize.raw()).contains("urn:kb:file-too-large");
        assertThat(count()).isEqualTo(before);

        var stranger = upload(outsider, question, file("x.png", PNG));
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(api.get(outsider, "/api/questions/" + question + "/attachments")
                        .status())
                .isEqualTo(404);
        assertThat(api.getList(user, "/api/questions/" + question + "/attachments"))
                .extracting(a -> a.get("name"))
                .doesNotContain("tool.exe", "page.html", "ok.log", "huge.log", "x.png");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void shouldNotServeAFileThroughAQuestionItDoesNotBelongTo() {
        long question = ask(user, "别人的附件 someone else's file");
        var added = upload(user, question, file("mine.png", PNG));
        assertThat(added.status()).isEqualTo(201);
        String fileId =
                (String) added.attachments().get(added.attachments().size() - 1).get("id");
        Api.Reply other = api.post(
                outsider,
                "/api/questions",
                Map.of(
                        "title",
                        "别的问题 other",
                        "body",
                        "<p>x</p>",
                        "kind",
                        "CONSULTATION",
                        "severity",
                        "E",
                        "category",
                        "network"));
        assertThat(api.get(outsider, "/api/questions/" + other.id() + "/attachments/" + fileId)
                        .status())
                .isEqualTo(404);
        assertThat(api.get(outsider, "/api/questions/" + question + "/attachments/" + fileId)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void shouldResumeTheEventStreamAfterTheLastEventIdAndSendHeartbeats() throws Exception {
        Api.Reply first = api.post(
                user,
                "/api/questions",
                Map.of(
                        "title",
                        "事件一 first",
                        "body",
                        "<p>1</p>",
                        "kind",
                        "FAULT",
                        "severity",
                        "D",
                        "category",
                        "network"));
        Api.Reply second = api.post(
                user,
                "/api/questions",
                Map.of(
                        "title",
                        "事件二 second",
                        "body",
                        "<p>2</p>",
                        "kind",
                        "FAULT",
                        "severity",
                        "D",
                        "category",
                        "network"));
        List<Map<String, Object>> notes = api.getList(expert, "/api/notifications");
        long firstNote = notes.stream()
                .filter(n -> Long.valueOf(first.id()).equals(((Number) n.get("questionId")).longValue()))
                .mapToLong(n -> ((Number) n.get("id")).longValue())
                .min()
                .orElseThrow();
        List<ServerSentEvent<Map<String, Object>>> seen = new CopyOnWriteArrayList<>();
        Disposable stream = WebClient.create(server.baseUrl())
                .get()
                .uri("/api/expert/events")
                .header("Authorization", "Bearer " + expert)
                .header("Last-Event-ID", String.valueOf(firstNote))
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {})
                .subscribe(seen::add);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            // both must arrive; which comes first depends on the machine's load (the heartbeat may beat the
            // first poll of the backlog)
            while (System.nanoTime() < deadline
                    && (seen.stream().noneMatch(e -> "heartbeat".equals(e.comment()))
                            || seen.stream()
                                    .noneMatch(e -> e.data() != null
                                            && Long.valueOf(second.id())
                                                    .equals(((Number) e.data().get("questionId")).longValue())))) {
                Thread.sleep(50);
            }
            List<Object> questions = seen.stream()
                    .filter(e -> e.data() != null)
                    .map(e -> ((Number) e.data().get("questionId")).longValue())
                    .map(Object.class::cast)
                    .toList();
            // what came after the given id, not what came before it
            assertThat(questions).contains(second.id()).doesNotContain(first.id());
            assertThat(seen).anyMatch(e -> "heartbeat".equals(e.comment()));
        } finally {
            stream.dispose();
        }
    }

    @Test
    void shouldReportRosterGapsPerCategory() {
        LocalDate monday = LocalDate.parse("2026-11-23");
        Api.Reply report = api.get(admin, "/api/admin/duty/coverage?from=" + monday + "&to=" + monday.plusDays(7));
        assertThat(report.status()).isEqualTo(200);
        // the demo expert is L1 around the clock for every category
        assertThat(report.list("categories"))
                .isNotEmpty()
                .allSatisfy(c -> assertThat((List<?>) c.get("uncovered")).isEmpty());
        assertThat(report.list("noL1")).isEmpty();
        assertThat(api.get(expert, "/api/admin/duty/coverage?from=" + monday + "&to=" + monday.plusDays(7))
                        .status())
                .isEqualTo(403);
        assertThat(api.get(admin, "/api/admin/duty/coverage?from=" + monday + "&to=" + monday.plusDays(90))
                        .status())
                .isEqualTo(400);
    }

    private long count() {
        return server.bean(org.springframework.r2dbc.core.DatabaseClient.class)
                .sql("SELECT COUNT(*) FROM stored_file")
                .map(r -> ((Number) r.get(0)).longValue())
                .one()
                .block(Duration.ofSeconds(10));
    }

    record Upload(String name, byte[] bytes) {}

    static Upload file(String name, byte[] bytes) {
        return new Upload(name, bytes);
    }

    record Uploaded(int status, List<Map<String, Object>> attachments, String raw) {}

    Uploaded upload(String token, long id, Upload... files) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        for (Upload f : files) {
            body.part("file", new ByteArrayResource(f.bytes()) {
                        @Override
                        public String getFilename() {
                            return f.name();
                        }
                    })
                    .contentType(MediaType.APPLICATION_OCTET_STREAM);
        }
        EntityExchangeResult<String> result = server.client()
                .post()
                .uri("/api/questions/" + id + "/attachments")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build()))
                .exchange()
                .expectBody(String.class)
                .returnResult();
        String raw = result.getResponseBody();
        List<Map<String, Object>> list = null;
        if (result.getStatus().value() == 201) {
            try {
                list = new tools.jackson.databind.ObjectMapper()
                        .readValue(raw, new tools.jackson.core.type.TypeReference<>() {});
            } catch (tools.jackson.core.JacksonException e) {
                throw new IllegalStateException(e);
            }
        }
        return new Uploaded(result.getStatus().value(), list, raw);
    }

    static byte[] text(int bytes) {
        StringBuilder s = new StringBuilder();
        while (s.length() < bytes) {
            s.append("2026-11-23 10:00:00 ERROR spooler stopped\n");
        }
        return s.substring(0, bytes).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] png() {
        try {
            var image = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
            var out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
