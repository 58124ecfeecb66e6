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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The SLA table has one save: an administrator changes two policies, saves once, and both are stored
 * in one backend call (one audit event for the whole table, none per row); a row with 0 minutes is
 * marked invalid as soon as it is typed and the save is refused with nothing stored.
 */
class SlaPoliciesBrowserIT {

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

    @Test
    void twoChangedPoliciesAreSavedTogetherAndAnInvalidOneBlocksTheSave() throws Exception {
        browser.signIn(base, "admin", "admin-demo-2026", Duration.ofSeconds(90));
        driver.get(base + "admin/sla");
        browser.visible(By.cssSelector("#policy-reply-FAULT-A input"));
        assertThat(value("policy-reply-FAULT-A")).isEqualTo("60");
        assertThat(driver.findElements(By.cssSelector("[id^='policy-save-']"))).isEmpty();

        browser.type(By.cssSelector("#policy-reply-FAULT-A input"), "30");
        browser.type(By.cssSelector("#policy-resolve-SUGGESTION-D input"), "2000");
        driver.findElement(By.cssSelector("#policy-resolve-SUGGESTION-D input")).sendKeys(Keys.TAB);
        browser.waitFor().until(ExpectedConditions.attributeToBe(By.id("policy-SUGGESTION-D"), "data-changed", "true"));
        browser.click(By.id("sla-policies-save"));
        WebElement saved = browser.visible(By.id("sla-policies-saved"));
        assertThat(saved.getText()).contains("已保存 2 项时限策略");
        browser.screenshot("sla-policies-saved");

        driver.navigate().refresh();
        browser.waitFor()
                .until(d -> !d.findElements(By.cssSelector("#policy-reply-FAULT-A input"))
                                .isEmpty()
                        && "30".equals(value("policy-reply-FAULT-A")));
        assertThat(value("policy-resolve-SUGGESTION-D")).isEqualTo("2000");
        String policies = api("/api/admin/sla-policies");
        assertThat(policies)
                .containsPattern("\"kind\":\"FAULT\",\"severity\":\"A\",\"replyMinutes\":30,")
                .containsPattern(
                        "\"kind\":\"SUGGESTION\",\"severity\":\"D\",\"replyMinutes\":\\d+,\"resolveMinutes\":2000");
        // one call for the whole table: one event without a row as its target
        String events = api("/api/audit?action=sla-policies.update");
        assertThat(events).contains("\"total\":1").doesNotContain("FAULT/A");

        // 0 minutes: marked at once, before any save, and the save sends nothing
        browser.type(By.cssSelector("#policy-reply-CONSULTATION-B input"), "0");
        browser.type(By.cssSelector("#policy-resolve-FAULT-C input"), "45");
        driver.findElement(By.cssSelector("#policy-resolve-FAULT-C input")).sendKeys(Keys.TAB);
        browser.waitFor()
                .until(ExpectedConditions.attributeToBe(By.id("policy-CONSULTATION-B"), "data-invalid", "true"));
        assertThat(driver.findElement(By.id("policy-reply-CONSULTATION-B")).getDomAttribute("invalid"))
                .isNotNull();
        browser.screenshot("sla-policies-invalid-before-save");
        browser.click(By.id("sla-policies-save"));
        WebElement refused = browser.visible(By.id("sla-policies-error"));
        assertThat(refused.getText()).contains("有 1 项时限无效", "未保存任何修改");
        browser.screenshot("sla-policies-refused");
        assertThat(api("/api/admin/sla-policies"))
                .containsPattern("\"kind\":\"FAULT\",\"severity\":\"C\",\"replyMinutes\":\\d+,\"resolveMinutes\":240,")
                .doesNotContainPattern("\"kind\":\"CONSULTATION\",\"severity\":\"B\",\"replyMinutes\":0,");
        assertThat(api("/api/audit?action=sla-policies.update")).contains("\"total\":1");
    }

    private static String value(String field) {
        return driver.findElement(By.cssSelector("#" + field + " input")).getDomProperty("value");
    }

    /** A GET on the backend as the admin; the answer's body. */
    private static String api(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(backend + path))
                .header(
                        "Authorization",
                        "Bearer "
                                + token(
                                        path.startsWith("/api/audit/") || path.startsWith("/api/audit?")
                                                ? "auditor"
                                                : "admin"))
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static String token(String username) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(backend + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + username + "-demo-2026\"}"))
                .build();
        String body = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        assertThat(m.find()).as("token in %s", body).isTrue();
        return m.group(1);
    }
}
