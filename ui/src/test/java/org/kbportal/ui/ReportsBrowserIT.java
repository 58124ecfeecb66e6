package org.kbportal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The service report dashboard in headless Chromium: an admin opens it (last month by default),
 * sees the figures of three questions written into last month and the server-drawn charts, filters
 * by category through the URL, and the XLSX download link delivers a workbook POI can read.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportsBrowserIT {

    private static final Duration FIRST_LOAD = Duration.ofSeconds(90);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    static Path dataDir;

    @RegisterExtension
    static final TestWatcher SCREENSHOT_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            try {
                browser.screenshot(
                        "report-failed-" + context.getRequiredTestMethod().getName());
            } catch (IOException | RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    };

    private static PortalLauncher.Contexts portal;
    private static HeadlessChromium browser;
    private static ChromeDriver driver;
    private static String base;
    private static YearMonth lastMonth;

    @BeforeAll
    static void startPortalAndBrowser() {
        portal = PortalLauncher.start(
                "--server.port=0",
                "--kb.data-dir=" + dataDir,
                "--kb.seed.index-data=false",
                "--kb.search.embeddings=false",
                "--kb.questions.sla-check-interval=24h",
                "--vaadin.devmode.devTools.enabled=false");
        base = "http://127.0.0.1:" + portal.ui().getEnvironment().getProperty("local.server.port") + "/";
        lastMonth = YearMonth.now(ZONE).minusMonths(1);
        DatabaseClient db = portal.backend().getBean(DatabaseClient.class);
        // two network faults (one replied in time, one late) and a database consultation, last month
        Instant day = lastMonth.atDay(10).atTime(10, 0).atZone(ZONE).toInstant();
        question(db, "FAULT", "network", day, day.plusSeconds(1200));
        question(db, "FAULT", "network", day.plusSeconds(86_400), day.plusSeconds(86_400 + 7200));
        question(db, "CONSULTATION", "database", day.plusSeconds(2 * 86_400), day.plusSeconds(2 * 86_400 + 600));
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
    @Order(1)
    void adminOpensLastMonthsReportWithFiguresAndCharts() throws IOException {
        browser.signIn(base, "admin", "admin-demo-2026", FIRST_LOAD);

        browser.click(By.id("nav-admin-reports"));
        WebElement total = browser.waitFor()
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=report-total]")));
        assertThat(total.getText()).isEqualTo("3");
        assertThat(driver.findElement(By.cssSelector("[data-testid=report-reply-sla]"))
                        .getText())
                .isEqualTo("66.7 %");
        assertThat(driver.findElement(By.cssSelector("#report-from input")).getAttribute("value"))
                .isNotBlank();
        WebElement chart = driver.findElement(By.id("report-chart-sla"));
        browser.waitFor().until(d -> naturalWidth(chart) > 0);
        assertThat(naturalWidth(chart)).isEqualTo(800);
        assertThat(driver.findElements(By.cssSelector("img.kb-report-chart"))).hasSize(4);
        assertThat(driver.findElement(By.id("report-experts")).getText()).contains("值班专家");
        browser.screenshot("report-dashboard");
    }

    @Test
    @Order(2)
    void xlsxDownloadLinkDeliversAWorkbook() throws Exception {
        WebElement link = driver.findElement(By.id("report-download-xlsx"));
        String href = link.getAttribute("href");
        assertThat(href).isNotBlank();
        Object b64 = driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.arrayBuffer()).then(buf => {"
                        + " let s = ''; const bytes = new Uint8Array(buf);"
                        + " for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);"
                        + " done(btoa(s)); }).catch(e => done('ERROR ' + e));",
                href);
        byte[] xlsx = Base64.getDecoder().decode((String) b64);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheet("概要 Summary").getRow(0).getCell(0).getStringCellValue())
                    .contains("月度服务总结报告")
                    .contains(lastMonth.atDay(1).toString());
        }
    }

    @Test
    @Order(3)
    void categoryFilterComesFromTheUrl() {
        driver.get(base + "admin/reports?from=" + lastMonth.atDay(1) + "&to=" + lastMonth.atEndOfMonth()
                + "&category=network");
        browser.waitFor()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("[data-testid=report-total]"), "2"));
        assertThat(driver.findElement(By.cssSelector("[data-testid=report-reply-sla]"))
                        .getText())
                .isEqualTo("50.0 %");
        assertThat(driver.findElement(By.cssSelector("#report-category input")).getAttribute("value"))
                .isEqualTo("网络运维");
    }

    @Test
    @Order(4)
    void opensOnTheCurrentMonthWhenLastMonthHadNoQuestions() {
        // no security questions last month: the report opens on this month instead of an empty page
        driver.get(base + "admin/reports?category=security");
        YearMonth current = YearMonth.now(ZONE);
        browser.waitFor()
                .until(d -> current.atDay(1)
                        .toString()
                        .equals(d.findElement(By.id("report-from")).getDomProperty("value")));
        assertThat(driver.findElement(By.id("report-to")).getDomProperty("value"))
                .isEqualTo(current.atEndOfMonth().toString());
        // with questions last month, last month it is
        driver.get(base + "admin/reports?category=network");
        browser.waitFor()
                .until(d -> lastMonth
                        .atDay(1)
                        .toString()
                        .equals(d.findElement(By.id("report-from")).getDomProperty("value")));
    }

    private static long naturalWidth(WebElement img) {
        return ((Number) driver.executeScript("return arguments[0].naturalWidth", img)).longValue();
    }

    /** A question asked at {@code asked}, assigned to the demo expert, first reply at {@code replied}. */
    private static void question(DatabaseClient db, String kind, String category, Instant asked, Instant replied) {
        // the demo accounts are seeded in the background after start-up: wait for them
        Map<String, Object> ids = Map.of();
        for (int i = 0; i < 600 && (ids.get("asker") == null || ids.get("expert") == null); i++) {
            if (i > 0) {
                sleep(100);
            }
            ids = db.sql("SELECT (SELECT id FROM app_user WHERE username = 'user') AS asker,"
                            + " (SELECT id FROM app_user WHERE username = 'expert') AS expert")
                    .fetch()
                    .one()
                    .block(Duration.ofSeconds(30));
        }
        db.sql("INSERT INTO question (title, body, kind, severity, category, asker_id, status, assignee_id, tier,"
                        + " working_time, reply_due_at, resolve_due_at, first_reply_at, version, created_at,"
                        + " updated_at) VALUES ('报告', '<p>报告</p>', :k, 'C', :c, :a, 'IN_PROGRESS', :e, 'L1', FALSE,"
                        + " :rd, :sd, :fr, 1, :at, :at)")
                .bind("k", kind)
                .bind("c", category)
                .bind("a", ids.get("asker"))
                .bind("e", ids.get("expert"))
                .bind("rd", utc(asked.plusSeconds(3600)))
                .bind("sd", utc(asked.plusSeconds(4 * 3600)))
                .bind("fr", utc(replied))
                .bind("at", utc(asked))
                .then()
                .block(Duration.ofSeconds(30));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
