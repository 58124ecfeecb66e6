package org.kbportal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.kbportal.backend.manual.TestDocuments;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every download of the UI, fetched by the browser as the role that may have it, arrives intact:
 * the same bytes (SHA-256) as the backend serves to that role directly. Downloads run outside the
 * Vaadin session lock; before {@code FileDownloads} most of them failed with 500. A refused
 * download answers with its status and a localized sentence, also shown on the page.
 */
class DownloadsBrowserIT {

    private static final Duration FIRST_LOAD = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dataDir;

    @RegisterExtension
    static final TestWatcher SCREENSHOT_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            try {
                browser.screenshot(
                        "downloads-failed-" + context.getRequiredTestMethod().getName());
            } catch (IOException | RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    };

    private static PortalLauncher.Contexts portal;
    private static HeadlessChromium browser;
    private static ChromeDriver driver;
    private static String base;
    private static String backend;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startPortalAndBrowser() throws Exception {
        portal = PortalLauncher.start(
                "--server.port=0",
                "--kb.data-dir=" + dataDir,
                "--kb.seed.index-data=false",
                "--kb.search.embeddings=false",
                "--vaadin.devmode.devTools.enabled=false");
        base = "http://127.0.0.1:" + portal.ui().getEnvironment().getProperty("local.server.port") + "/";
        backend = "http://127.0.0.1:" + portal.backend().getEnvironment().getProperty("local.server.port");
        HeadlessChromium.awaitBackendReady(backend);
        browser = HeadlessChromium.start();
        driver = browser.driver;
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void everyDownloadArrivesIntactForWhoMayHaveIt() throws Exception {
        String admin = login("admin", "admin-demo-2026");
        String user = login("user", "user-demo-2026");

        // an article with an attachment, and a manual made from a PDF (its original is a download)
        String articleId = "FAQ-DL-" + UUID.randomUUID().toString().substring(0, 8);
        send(
                "POST",
                "/api/admin/articles",
                admin,
                Map.of("id", articleId, "type", "FAQ", "lang", "zh", "title", "下载测试文章", "body", "正文：附件见下。"));
        send("POST", "/api/admin/articles/" + articleId + "/publish", admin, null);
        byte[] script = "#!/bin/sh\necho 检查磁盘 | tee /tmp/检查.log\n".getBytes(StandardCharsets.UTF_8);
        JsonNode attached = multipart("/api/admin/articles/" + articleId + "/attachments", admin, "检查脚本.sh", script);
        String attachmentPath = "/api/articles/" + articleId + "/attachments/"
                + attached.get("id").asString();
        byte[] pdf = TestDocuments.pdf(
                "下载手册",
                List.of(
                        new TestDocuments.Part("第一章 概述", List.of("本手册用于测试下载。")),
                        new TestDocuments.Part("第二章 步骤", List.of("按步骤操作。"))),
                true,
                1,
                null);
        JsonNode manual = multipart("/api/admin/manuals?wait=60", admin, "下载手册.pdf", pdf);
        String manualId = manual.get("id").asString();
        send("POST", "/api/admin/articles/" + manualId + "/publish", admin, null);

        // a visitor reads the published article and the manual: public downloads, no token at all
        driver.get(base + "article/" + articleId);
        browser.waitFor(FIRST_LOAD)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=attachment-link]")));
        assertIntact(By.cssSelector("[data-testid=attachment-link]"), fetchBackend(attachmentPath, null));
        driver.get(base + "article/" + manualId);
        assertIntact(By.id("article-original"), pdf);

        // a user's question with a screenshot: the user downloads it from the question page
        long question = send(
                        "POST",
                        "/api/questions",
                        user,
                        Map.of(
                                "title", "下载附件测试",
                                "body", "见附件。",
                                "kind", "CONSULTATION",
                                "severity", "C",
                                "category", "network"))
                .get("id")
                .asLong();
        byte[] log = "2026-12-05 23:03 ERROR 磁盘已满\n".getBytes(StandardCharsets.UTF_8);
        JsonNode files = multipart("/api/questions/" + question + "/attachments", user, "错误日志.txt", log);
        String fileId = files.get(0).get("id").asString();
        browser.signIn(base, "user", "user-demo-2026", FIRST_LOAD);
        driver.get(base + "questions/" + question);
        assertIntact(By.cssSelector("#attachment-list .attachment-link"), log);
        assertThat(fetchBackend("/api/questions/" + question + "/attachments/" + fileId, user))
                .isEqualTo(log);

        // the administrator's downloads: a backup archive, the report's CSV and PDF
        driver.manage().deleteAllCookies();
        browser.signIn(base, "admin", "admin-demo-2026", FIRST_LOAD);
        String backupId =
                send("POST", "/api/admin/backups", admin, null).get("id").asString();
        Instant deadline = Instant.now().plusSeconds(60);
        while (!"DONE"
                .equals(send("GET", "/api/admin/backups/" + backupId, admin, null)
                        .get("status")
                        .asString())) {
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(250);
        }
        driver.get(base + "admin/backups");
        By backupLink = By.cssSelector("[data-testid=backup-download]");
        browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(backupLink));
        assertIntact(backupLink, fetchBackend("/api/admin/backups/" + backupId + "/file", admin));

        LocalDate first = LocalDate.now().withDayOfMonth(1);
        LocalDate last = first.plusMonths(1).minusDays(1);
        String period = "from=" + first + "&to=" + last;
        driver.get(base + "admin/reports?" + period);
        browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("report-download-csv")));
        assertIntact(By.id("report-download-csv"), fetchBackend("/api/reports/service?format=csv&" + period, admin));
        // the PDF names the instant it was generated: compare its text without that line
        byte[] viaPortal = fetchInBrowser(By.id("report-download-pdf"));
        assertThat(pdfText(viaPortal))
                .isEqualTo(pdfText(fetchBackend("/api/reports/service?format=pdf&" + period, admin)))
                .contains("月度服务总结报告");
        browser.screenshot("downloads-report");

        // the auditor's download, the audit CSV (separation of duties: only AUDITOR reads the audit log)
        driver.manage().deleteAllCookies();
        browser.signIn(base, "auditor", "auditor-demo-2026", FIRST_LOAD);
        String auditor = login("auditor", "auditor-demo-2026");
        driver.get(base + "admin/audit");
        browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-grid")));
        browser.type(By.cssSelector("#audit-action input"), "backups");
        browser.click(By.id("audit-apply"));
        // backups.create, backups.completed and the audited downloads of the archive
        browser.waitFor()
                .until(d -> Long.parseLong(d.findElement(By.id("audit-count")).getAttribute("data-total")) >= 4);
        byte[] csv = fetchBackend("/api/audit/export?action=backups", auditor);
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains("backups.create", "backups.completed");
        assertIntact(By.id("audit-csv"), csv);
    }

    @Test
    void aRefusedDownloadSaysWhyInTheUsersLanguage() throws Exception {
        String admin = login("admin", "admin-demo-2026");
        String articleId = "FAQ-GONE-" + UUID.randomUUID().toString().substring(0, 8);
        send(
                "POST",
                "/api/admin/articles",
                admin,
                Map.of("id", articleId, "type", "FAQ", "lang", "zh", "title", "将被删除的附件", "body", "正文。"));
        send("POST", "/api/admin/articles/" + articleId + "/publish", admin, null);
        JsonNode attached = multipart(
                "/api/admin/articles/" + articleId + "/attachments",
                admin,
                "旧脚本.sh",
                "echo old\n".getBytes(StandardCharsets.UTF_8));
        driver.manage().deleteAllCookies();
        driver.get(base + "article/" + articleId);
        By link = By.cssSelector("[data-testid=attachment-link]");
        browser.waitFor(FIRST_LOAD).until(ExpectedConditions.visibilityOfElementLocated(link));

        // removed while the reader has the page open
        send(
                "DELETE",
                "/api/admin/articles/" + articleId + "/attachments/"
                        + attached.get("id").asString(),
                admin,
                null);
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = (Map<String, Object>) driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0].href).then(r => r.text().then(t => done({status: r.status, text: t})))"
                        + ".catch(e => done({status: -1, text: String(e)}));",
                driver.findElement(link));

        assertThat(answer.get("status")).isEqualTo(404L);
        assertThat((String) answer.get("text")).startsWith("无法下载“旧脚本.sh”：");
        WebElement note =
                browser.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("download-refused")));
        assertThat(note.getAttribute("textContent")).isEqualTo(answer.get("text"));
        browser.screenshot("downloads-refused");
    }

    private static void assertIntact(By link, byte[] expected) throws Exception {
        byte[] got = fetchInBrowser(link);
        assertThat(sha256(got)).as("SHA-256 of %s", link).isEqualTo(sha256(expected));
    }

    /** Fetches the link's target inside the page (with the page's cookies), as the browser downloads it. */
    private static byte[] fetchInBrowser(By link) {
        WebElement a = browser.waitFor().until(ExpectedConditions.presenceOfElementLocated(link));
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0].href).then(r => r.arrayBuffer().then(buf => {"
                        + " let s = ''; const bytes = new Uint8Array(buf);"
                        + " for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);"
                        + " done({status: r.status, disposition: r.headers.get('content-disposition'),"
                        + " body: btoa(s)}); })).catch(e => done({status: -1, body: '', error: String(e)}));",
                a);
        assertThat(r.get("status")).as("status of %s: %s", link, r).isEqualTo(200L);
        assertThat((String) r.get("disposition")).as("disposition of %s", link).startsWith("attachment");
        return Base64.getDecoder().decode((String) r.get("body"));
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("生成时间 \\(Generated\\) \\S+", "");
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String login(String username, String password) throws Exception {
        return send("POST", "/api/auth/login", null, Map.of("username", username, "password", password))
                .get("token")
                .asString();
    }

    private static JsonNode send(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(backend + path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("%s %s: %s", method, path, r.body()).isBetween(200, 299);
        return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
    }

    private static JsonNode multipart(String path, String token, String fileName, byte[] content) throws Exception {
        String boundary = "kb" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(backend + path))
                .timeout(Duration.ofSeconds(90))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail)))
                .build();
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("POST %s: %s", path, r.body()).isBetween(200, 299);
        return JSON.readTree(r.body());
    }

    /** The backend's own copy, as the given token (or nobody) gets it. */
    private static byte[] fetchBackend(String path, String token) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(backend + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as("GET %s", path).isEqualTo(200);
        return r.body();
    }
}
