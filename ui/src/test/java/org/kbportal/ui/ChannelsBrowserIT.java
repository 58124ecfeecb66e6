package org.kbportal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An administrator adds a WeCom group robot on the Channels page (phone width), sends a test message that a
 * loopback WeCom receiver checks (key in the URL, JSON markdown body) and takes, and reads it in the delivery
 * log; the secret field stays empty when the channel is edited again.
 */
class ChannelsBrowserIT {

    @TempDir
    static Path dataDir;

    private static PortalLauncher.Contexts portal;
    private static HeadlessChromium browser;
    private static ChromeDriver driver;
    private static String base;
    private static HttpServer wecom;
    private static final List<String> bodies = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startPortalAndBrowser() throws Exception {
        wecom = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        wecom.createContext("/cgi-bin/webhook/send", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean ok = "key=robot-key-17".equals(ex.getRequestURI().getRawQuery())
                    && ex.getRequestHeaders().getFirst("Content-Type").startsWith("application/json")
                    && body.contains("\"msgtype\":\"markdown\"");
            if (ok) {
                bodies.add(body);
            }
            byte[] answer = (ok ? "{\"errcode\":0,\"errmsg\":\"ok\"}" : "{\"errcode\":93000,\"errmsg\":\"invalid\"}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        wecom.start();
        portal = PortalLauncher.start(
                "--server.port=0",
                "--kb.data-dir=" + dataDir,
                "--kb.seed.index-data=false",
                "--kb.search.embeddings=false",
                "--vaadin.devmode.devTools.enabled=false");
        base = "http://127.0.0.1:" + portal.ui().getEnvironment().getProperty("local.server.port") + "/";
        HeadlessChromium.awaitBackendReady(
                "http://127.0.0.1:" + portal.backend().getEnvironment().getProperty("local.server.port"));
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
        if (wecom != null) {
            wecom.stop(0);
        }
    }

    @Test
    void adminAddsAGroupRobotAndSendsATestMessage() {
        browser.signIn(base, "admin", "admin-demo-2026", Duration.ofSeconds(90));
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(base + "admin/channels");
        browser.click(By.id("channel-new"));
        browser.visible(By.id("channel-dialog"));
        browser.type(By.cssSelector("#channel-name input"), "运维值班群");
        browser.type(
                By.cssSelector("#channel-url input"),
                "http://127.0.0.1:" + wecom.getAddress().getPort() + "/cgi-bin/webhook/send?key=robot-key-17");
        browser.click(By.id("channel-save"));
        browser.waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.id("channel-dialog")));
        WebElement row = browser.visible(By.cssSelector("#channel-grid [id^='channel-row-']"));
        assertThat(row.getText()).contains("运维值班群").contains("企业微信群机器人");

        browser.click(By.cssSelector("[id^='channel-test-']"));
        browser.waitFor()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.tagName("vaadin-notification-card"), "测试消息已送达（HTTP 200）"));
        assertThat(bodies).hasSize(1);
        assertThat(bodies.get(0)).contains("测试消息").contains("运维值班群");
        WebElement status = browser.visible(By.cssSelector("#channel-log [data-testid='delivery-status']"));
        assertThat(status.getText()).contains("已送达");

        Object overflow = driver.executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1");
        assertThat(overflow).as("no sideways scrolling at 390 px").isEqualTo(false);

        browser.click(By.cssSelector("[id^='channel-edit-']"));
        assertThat(browser.visible(By.cssSelector("#channel-secret input")).getAttribute("value"))
                .isEmpty();
        browser.click(By.id("channel-cancel"));
    }
}
