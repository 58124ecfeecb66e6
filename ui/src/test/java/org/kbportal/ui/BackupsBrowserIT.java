package org.kbportal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An administrator backs the portal up from the Backups page (progress until done, a download link); the auditor
 * (not the administrator: separated duties) finds that, and a failed login, in the audit log with its filters and
 * CSV link; the security admin has neither page. An account the security admin created changes its password
 * before it may do anything else.
 */
class BackupsBrowserIT {

    @TempDir
    static Path dataDir;

    private static PortalLauncher.Contexts portal;
    private static HeadlessChromium browser;
    private static ChromeDriver driver;
    private static String base;
    private static String backend;

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

    @org.junit.jupiter.api.BeforeEach
    void anonymous() {
        driver.manage().deleteAllCookies();
    }

    @Test
    void adminBacksUpThePortalAndReadsTheAuditLog() throws IOException {
        driver.get(base + "login");
        browser.waitFor(Duration.ofSeconds(90))
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#login-username input")));
        // nobody but an admin has the drawer or its button
        assertThat(driver.findElements(By.id("admin-menu-toggle")))
                .allSatisfy(t -> assertThat(t.isDisplayed()).isFalse());
        assertThat(driver.findElements(By.cssSelector("#admin-nav a"))).isEmpty();
        browser.type(By.cssSelector("#login-username input"), "admin");
        browser.type(By.cssSelector("#login-password input"), "not-the-password");
        browser.click(By.id("login-button"));
        browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        browser.type(By.cssSelector("#login-password input"), "admin-demo-2026");
        browser.click(By.id("login-button"));
        browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));

        // the admin's pages sit in a side drawer, open on a wide screen, closed and opened by the menu button
        WebElement backupsLink = driver.findElement(By.cssSelector("#admin-nav #nav-admin-backups"));
        browser.waitFor().until(ExpectedConditions.visibilityOf(backupsLink));
        assertThat(driver.findElements(By.cssSelector("#admin-nav .kb-side-nav-group")))
                .extracting(WebElement::getText)
                .containsExactly("内容", "搜索", "服务与值班", "运营");
        browser.click(By.id("admin-menu-toggle"));
        browser.waitFor().until(ExpectedConditions.invisibilityOf(backupsLink));
        browser.click(By.id("admin-menu-toggle"));
        browser.waitFor().until(ExpectedConditions.visibilityOf(backupsLink));

        browser.click(By.id("nav-admin-backups"));
        browser.waitFor().until(ExpectedConditions.elementToBeClickable(By.id("backups-create")));
        assertThat(driver.findElement(By.id("backups-state")).getAttribute("data-state"))
                .isEqualTo("NONE");
        browser.click(By.id("backups-create"));
        browser.waitFor(Duration.ofSeconds(60))
                .until(ExpectedConditions.attributeToBe(By.id("backups-state"), "data-state", "DONE"));
        WebElement download = browser.waitFor()
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=backup-download]")));
        assertThat(download.getText()).startsWith("kb-backup-").endsWith(".zip");
        assertThat(download.getAttribute("href")).isNotBlank();
        browser.screenshot("backups-done");

        // separation of duties: the system administrator has no audit log page, the auditor nothing but it
        assertThat(driver.findElements(By.id("nav-admin-audit"))).isEmpty();
        driver.get(base + "admin/audit");
        browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("forbidden")));
        browser.click(By.id("logout-button"));
        browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-link")));
        browser.signIn(base, "auditor", "auditor-demo-2026", Duration.ofSeconds(60));
        browser.waitFor()
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#admin-nav #nav-admin-audit")));
        assertThat(driver.findElements(By.cssSelector("#admin-nav a")))
                .extracting(e -> e.getAttribute("id"))
                .containsExactly("nav-admin-audit");
        assertThat(driver.findElements(By.cssSelector("#admin-nav .kb-side-nav-group")))
                .extracting(WebElement::getText)
                .containsExactly("安全审计");
        browser.click(By.id("nav-admin-audit"));
        browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-grid")));
        browser.waitFor()
                .until(d -> Long.parseLong(d.findElement(By.id("audit-count")).getAttribute("data-total")) >= 3);
        browser.type(By.cssSelector("#audit-action input"), "auth.login-failed");
        browser.click(By.id("audit-apply"));
        browser.waitFor().until(ExpectedConditions.attributeToBe(By.id("audit-count"), "data-total", "1"));
        browser.type(By.cssSelector("#audit-action input"), "backups");
        browser.click(By.id("audit-apply"));
        browser.waitFor().until(ExpectedConditions.attributeToBe(By.id("audit-count"), "data-total", "2"));
        // readable names, the recorded codes beside them for auditors
        assertThat(driver.findElement(By.id("audit-grid")).getText())
                .contains("开始备份", "备份完成", "backups.create", "backups.completed");
        // (rows the grid keeps hidden for reuse are not shown)
        assertThat(
                        driver
                                .findElements(
                                        By.cssSelector("#audit-grid .kb-audit-action[data-code='backups.completed']"))
                                .stream()
                                .filter(WebElement::isDisplayed)
                                .toList())
                .extracting(WebElement::getText)
                .containsExactly("备份完成");
        assertThat(driver.findElement(By.id("audit-csv")).getAttribute("href")).isNotBlank();
        browser.screenshot("audit-log");
        driver.get(base + "admin/backups");
        browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("forbidden")));

        // the security administrator has the accounts' pages and none of the system administrator's or the auditor's
        browser.click(By.id("logout-button"));
        browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-link")));
        browser.signIn(base, "secadmin", "secadmin-demo-2026", Duration.ofSeconds(60));
        assertThat(driver.findElements(By.cssSelector("#admin-nav a")))
                .extracting(a -> a.getAttribute("id"))
                .containsExactly("nav-admin-directory");
        driver.get(base + "admin/directory");
        browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("directory-sync")));
        assertThat(driver.findElements(By.id("forbidden"))).isEmpty();
        for (String page : java.util.List.of("admin/backups", "admin/audit", "admin/articles")) {
            driver.get(base + page);
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("forbidden")));
        }
    }

    @Test
    void aNewAccountChangesThePasswordTheSecurityAdminSetBeforeAnythingElse() throws Exception {
        String secadmin = tokenOf(
                post("/api/auth/login", null, "{\"username\":\"secadmin\",\"password\":\"secadmin-demo-2026\"}"));
        assertThat(post(
                        "/api/admin/users",
                        secadmin,
                        "{\"username\":\"wang.wu\",\"password\":\"Given-by-admin-2026\",\"displayName\":\"王五\","
                                + "\"roles\":[\"USER\"]}"))
                .contains("\"username\":\"wang.wu\"");

        browser.signIn(base, "wang.wu", "Given-by-admin-2026", Duration.ofSeconds(60));
        browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("password-forced")));
        // another page sends the user back
        driver.get(base + "ask");
        browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("password-forced")));
        assertThat(driver.getCurrentUrl()).endsWith("account/password");

        changePassword("not-the-password", "Brand-new-2026");
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("password-error"), "当前密码不正确"));

        changePassword("Given-by-admin-2026", "wang.wu");
        browser.waitFor()
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("password-error"), "至少需要 10 个字符"));
        assertThat(driver.findElement(By.id("password-error")).getText()).contains("新密码不符合要求", "不得包含用户名", "至少 3 类");
        browser.screenshot("password-weak");

        changePassword("Given-by-admin-2026", "Brand-new-2026");
        // changed: the page sends the user on to the search
        browser.waitFor().until(d -> !d.getCurrentUrl().contains("account/password"));
        // free to go on: asking works, the page is in the user menu without the forced notice
        driver.get(base + "ask");
        browser.waitFor().until(d -> d.getCurrentUrl().endsWith("/ask"));
        browser.click(By.id("change-password-link"));
        browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("password-current")));
        // (Vaadin does not send a hidden component to the browser at all)
        assertThat(driver.findElements(By.id("password-forced")))
                .allSatisfy(e -> assertThat(e.isDisplayed()).isFalse());
        assertThat(post("/api/auth/login", null, "{\"username\":\"wang.wu\",\"password\":\"Brand-new-2026\"}"))
                .contains("\"passwordChangeRequired\":false");
    }

    @Test
    void theSecurityAdminExportsAndErasesOnePersonsDataFromTheDirectoryPage() throws Exception {
        String secadmin = tokenOf(
                post("/api/auth/login", null, "{\"username\":\"secadmin\",\"password\":\"secadmin-demo-2026\"}"));
        assertThat(post(
                        "/api/admin/users",
                        secadmin,
                        "{\"username\":\"zhao.liu\",\"password\":\"Given-by-admin-2026\",\"displayName\":\"赵六\","
                                + "\"email\":\"zhao.liu@example.org\",\"roles\":[\"USER\"]}"))
                .contains("\"username\":\"zhao.liu\"");
        browser.signIn(base, "secadmin", "secadmin-demo-2026", Duration.ofSeconds(60));
        driver.get(base + "admin/directory");

        // the export: a download through the portal with the browser's session
        String href = browser.visible(By.id("personal-data-export-zhao.liu")).getAttribute("href");
        HttpResponse<String> export = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(href))
                                .header(
                                        "Cookie",
                                        "JSESSIONID="
                                                + driver.manage()
                                                        .getCookieNamed("JSESSIONID")
                                                        .getValue())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body())
                .contains("\"username\":\"zhao.liu\"", "zhao.liu@example.org")
                .doesNotContain("passwordHash", "password_hash");

        // one's own data: refused, with the reason in the page
        browser.click(By.id("personal-data-erase-secadmin"));
        confirmDialog();
        browser.waitFor()
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("directory-message"), "不能删除自己的个人数据"));

        // the person's: erased after the confirmation, the account is anonymous from then on
        browser.click(By.id("personal-data-erase-zhao.liu"));
        confirmDialog();
        browser.waitFor()
                .until(d ->
                        d.findElements(By.id("personal-data-erase-zhao.liu")).isEmpty());
        assertThat(driver.findElements(By.cssSelector("[id^='personal-data-erase-erased-']")))
                .hasSize(1);
        assertThat(post("/api/auth/login", null, "{\"username\":\"zhao.liu\",\"password\":\"Given-by-admin-2026\"}"))
                .contains("urn:kb:bad-credentials");
    }

    /** Clicks the confirm button of the open confirmation dialog. */
    private static void confirmDialog() {
        browser.waitFor()
                .until(
                        d -> d
                                .findElements(
                                        By.cssSelector("vaadin-confirm-dialog vaadin-button[slot='confirm-button']"))
                                .stream()
                                .filter(org.openqa.selenium.WebElement::isDisplayed)
                                .findFirst()
                                .orElse(null))
                .click();
    }

    /** Fills in the password page (the new password twice) and submits it. */
    private static void changePassword(String current, String next) {
        browser.type(By.cssSelector("#password-current input"), current);
        browser.type(By.cssSelector("#password-new input"), next);
        browser.type(By.cssSelector("#password-repeat input"), next);
        browser.click(By.id("password-submit"));
    }

    private static String post(String path, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(backend + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient()
                .send(b.build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static String tokenOf(String loginAnswer) {
        Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(loginAnswer);
        assertThat(m.find()).as("token in %s", loginAnswer).isTrue();
        return m.group(1);
    }
}
