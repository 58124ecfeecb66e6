package org.kbportal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An expert opens the notification settings from the user menu, turns off the assignment e-mail and the
 * resolved SMS, sets quiet hours, saves; the backend has stored exactly that, and a reload shows it again.
 * Events are shown by name, never by code.
 */
class NotificationPreferencesBrowserIT {

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
    void expertChoosesEventsPerChannelAndQuietHoursThatOutliveAReload() throws Exception {
        browser.signIn(base, "expert", "expert-demo-2026", Duration.ofSeconds(90));
        browser.click(By.id("notification-settings-link"));
        WebElement table = browser.visible(By.id("prefs-table"));
        assertThat(table.getText())
                .contains("已分派", "即将超时", "已超时", "低分评价", "邮件", "短信")
                .doesNotContain("ASSIGNED", "SLA_", "RATED_LOW");
        // nothing chosen yet: every event by every channel, no quiet hours
        assertThat(checked("prefs-email-ASSIGNED")).isTrue();
        assertThat(checked("prefs-sms-RESOLVED")).isTrue();
        assertThat(checked("prefs-quiet")).isFalse();
        assertThat(driver.findElements(By.id("prefs-email-SLA_BREACH")))
                .as("no e-mail exists for a breach")
                .isEmpty();

        // messages in Chinese unless chosen; the expert chooses English
        browser.visible(By.id("prefs-language"));
        assertThat(chosenLanguage()).isEqualTo("中文");
        driver.executeScript(
                "const b = [...document.getElementById('prefs-language').querySelectorAll('vaadin-radio-button')]"
                        + ".find(r => (r.label || r.textContent).trim() === '英文');"
                        + "(b.querySelector('input') || b).click();");
        browser.waitFor().until(d -> "英文".equals(chosenLanguage()));
        toggle("prefs-email-ASSIGNED", false);
        toggle("prefs-sms-RESOLVED", false);
        toggle("prefs-quiet", true);
        time("prefs-quiet-start", "22:30");
        time("prefs-quiet-end", "06:30");
        browser.click(By.id("prefs-save"));
        assertThat(browser.visible(By.id("prefs-saved")).getText()).isEqualTo("通知设置已保存。");

        JsonNode stored = JsonMapper.builder()
                .build()
                .readTree(get("/api/me/notification-preferences", token("expert", "expert-demo-2026")));
        assertThat(strings(stored.path("email")))
                .containsExactlyInAnyOrder("SLA_WARNING", "ESCALATED", "ANSWERED", "RATED_LOW");
        assertThat(strings(stored.path("sms")))
                .containsExactlyInAnyOrder(
                        "ASSIGNED",
                        "SLA_WARNING",
                        "SLA_BREACH",
                        "ESCALATED",
                        "HANDED_OVER",
                        "ANSWERED",
                        "REOPENED",
                        "RATED_LOW");
        assertThat(stored.path("quietStart").asString()).isEqualTo("22:30");
        assertThat(stored.path("quietEnd").asString()).isEqualTo("06:30");
        assertThat(get("/api/notifications/language", token("expert", "expert-demo-2026")))
                .contains("\"lang\":\"en\"");

        driver.navigate().refresh();
        browser.visible(By.id("prefs-table"));
        assertThat(checked("prefs-email-ASSIGNED")).isFalse();
        assertThat(checked("prefs-email-ANSWERED")).isTrue();
        assertThat(checked("prefs-sms-RESOLVED")).isFalse();
        assertThat(checked("prefs-sms-ASSIGNED")).isTrue();
        assertThat(checked("prefs-quiet")).isTrue();
        assertThat(inputValue("prefs-quiet-start")).isEqualTo("22:30");
        assertThat(inputValue("prefs-quiet-end")).isEqualTo("06:30");
        assertThat(chosenLanguage()).isEqualTo("英文");

        // a phone fits the page without sideways scrolling, the header keeps the settings link
        driver.manage().window().setSize(new Dimension(390, 844));
        browser.visible(By.id("notification-settings-link"));
        Object overflow = driver.executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1");
        assertThat(overflow).as("no sideways scrolling at 390 px").isEqualTo(false);
    }

    /** The label of the chosen message language. */
    private String chosenLanguage() {
        return String.valueOf(driver.executeScript(
                "return [...document.getElementById('prefs-language').querySelectorAll('vaadin-radio-button')]"
                        + ".filter(r => r.checked).map(r => (r.label || r.textContent).trim()).join()"));
    }

    private boolean checked(String id) {
        WebElement box = browser.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        return Boolean.TRUE.equals(driver.executeScript("return arguments[0].checked === true", box));
    }

    /** Clicks the checkbox (scrolled into view; its native input is invisible by design) until it shows {@code on}. */
    private void toggle(String id, boolean on) {
        browser.click(By.id(id));
        browser.waitFor().until(d -> checked(id) == on);
    }

    private void time(String id, String hhmm) {
        By input = By.cssSelector("#" + id + " input");
        browser.type(input, hhmm);
        driver.findElement(input).sendKeys(Keys.ENTER, Keys.TAB);
        browser.waitFor().until(d -> hhmm.equals(inputValue(id)));
    }

    private String inputValue(String id) {
        return driver.findElement(By.cssSelector("#" + id + " input")).getDomProperty("value");
    }

    private static List<String> strings(JsonNode array) {
        assertThat(array.isArray()).as("a list, not 'every event': %s", array).isTrue();
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private static String token(String user, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(backend + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"))
                .build();
        String body = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString())
                .body();
        return JsonMapper.builder().build().readTree(body).path("token").asString();
    }

    private static String get(String path, String token) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(backend + path))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer.body();
    }
}
