package org.kbportal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.kbportal.backend.manual.TestDocuments;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Manuals from documents through the browser: an administrator uploads a generated Chinese PDF on
 * the manuals page, follows the extraction and publishes the manual; a user then finds its third
 * section by search and opens the manual at that section, with the PDF page and the original's
 * download link.
 */
class ManualsBrowserIT {

    private static final Duration FIRST_LOAD = Duration.ofSeconds(90);

    @TempDir
    static Path dataDir;

    @RegisterExtension
    static final TestWatcher SCREENSHOT_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            try {
                browser.screenshot(
                        "manuals-failed-" + context.getRequiredTestMethod().getName());
            } catch (IOException | RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    };

    private static PortalLauncher.Contexts portal;
    private static HeadlessChromium browser;
    private static ChromeDriver driver;
    private static String base;

    @BeforeAll
    static void startPortalAndBrowser() throws Exception {
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
    }

    @Test
    void adminUploadsAndPublishesAManualThenAUserFindsAndOpensItsThirdSection() throws Exception {
        List<TestDocuments.Part> parts = List.of(
                new TestDocuments.Part("第一章 概述", List.of("本手册说明存储阵列的日常运维。")),
                new TestDocuments.Part("第二章 巡检", List.of("每天检查控制器状态。")),
                new TestDocuments.Part("第三章 扩容", List.of("扩容前先确认热备盘数量充足。")),
                new TestDocuments.Part("第四章 故障", List.of("硬盘故障时按指示灯更换。")));
        Path pdf = dataDir.resolve("存储阵列运维手册.pdf");
        Files.write(pdf, TestDocuments.pdf("存储阵列运维手册", parts, true, 2, null));

        browser.signIn(base, "admin", "admin-demo-2026", FIRST_LOAD);
        browser.click(By.id("nav-admin-manuals"));
        browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("manual-upload")));
        browser.type(By.cssSelector("#manual-title input"), "存储阵列运维手册");
        WebElement upload = driver.findElement(By.id("manual-upload"));
        WebElement input = (WebElement) driver.executeScript(
                "const i = arguments[0].shadowRoot.querySelector('#fileInput'); i.removeAttribute('hidden'); return i;",
                upload);
        input.sendKeys(pdf.toAbsolutePath().toString());
        browser.waitFor(Duration.ofSeconds(60))
                .until(ExpectedConditions.attributeToBe(By.id("manual-status"), "data-state", "DONE"));
        assertThat(driver.findElement(By.id("manual-status")).getText()).contains("4");
        browser.screenshot("manuals-uploaded");

        String manualId = URLDecoder.decode(
                driver.findElement(By.id("manual-open")).getAttribute("href").replaceAll(".*/article/", ""),
                StandardCharsets.UTF_8);
        By publish = By.cssSelector("[data-testid='manual-publish']");
        browser.waitFor().until(ExpectedConditions.elementToBeClickable(publish));
        browser.click(publish);
        browser.waitFor().until(ExpectedConditions.numberOfElementsToBe(publish, 0));

        // the manual list fits a 1366 px screen: no clipped cell, no sideways scrolling
        driver.manage().window().setSize(new Dimension(1366, 900));
        driver.navigate().refresh();
        browser.waitFor()
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid='manual-link']")));
        @SuppressWarnings("unchecked")
        Map<String, Object> fit =
                (Map<String, Object>) driver.executeScript("const g = document.getElementById('manual-grid');"
                        + "const cells = [...g.querySelectorAll('vaadin-grid-cell-content')]"
                        + "  .filter(c => c.offsetParent !== null && c.textContent.trim() !== '');"
                        + "const table = g.shadowRoot.querySelector('#table');"
                        + "return {cells: cells.length, clipped: cells.filter(c => c.scrollWidth > c.clientWidth + 1)"
                        + "  .map(c => c.textContent.trim()), overflow: table.scrollWidth - table.clientWidth};");
        assertThat(((Number) fit.get("cells")).intValue()).isGreaterThan(8);
        assertThat((List<?>) fit.get("clipped")).isEmpty();
        assertThat(((Number) fit.get("overflow")).intValue()).isLessThanOrEqualTo(1);
        browser.screenshot("manuals-list-1366");

        // a script attached in the editor
        Path script = dataDir.resolve("扩容检查.sh");
        Files.writeString(script, "#!/bin/sh\necho 检查热备盘\n");
        driver.get(base + "admin/articles/edit/" + manualId);
        WebElement attach =
                browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("attachment-upload")));
        ((WebElement) driver.executeScript(
                        "const i = arguments[0].shadowRoot.querySelector('#fileInput'); i.removeAttribute('hidden');"
                                + " return i;",
                        attach))
                .sendKeys(script.toAbsolutePath().toString());
        browser.waitFor()
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("attachment-grid"), "扩容检查.sh"));
        browser.screenshot("manuals-attachment");

        driver.manage().deleteAllCookies();
        browser.signIn(base, "user", "user-demo-2026", FIRST_LOAD);
        browser.type(By.cssSelector("#search-field input"), "扩容前先确认热备盘数量充足");
        browser.click(By.id("search-button"));
        List<WebElement> hits = browser.waitFor()
                .until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".search-hit"), 0));
        String hitId = hits.get(0).getAttribute("data-id");
        assertThat(hitId).startsWith("MANUAL-").endsWith("~3");
        assertThat(hits.get(0).getText()).contains("第 5 页");
        browser.screenshot("manuals-search");

        hits.get(0).findElement(By.cssSelector("a.search-hit-title")).click();
        // the page scrolls to the section, so the title may be under the sticky header: present is enough
        WebElement title = browser.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("article-title")));
        assertThat(title.getAttribute("textContent")).isEqualTo("存储阵列运维手册");
        assertThat(URLDecoder.decode(driver.getCurrentUrl(), StandardCharsets.UTF_8))
                .endsWith(hitId);
        assertThat(driver.findElement(By.id("toc-page-3")).getAttribute("textContent"))
                .isEqualTo("第 5 页");
        assertThat(driver.findElement(By.id("toc-3")).getAttribute("class")).contains("active");
        assertThat(driver.findElement(By.id("section-3")).getAttribute("textContent"))
                .isEqualTo("第三章 扩容");
        assertThat(driver.findElement(By.id("article-original")).getText()).contains("存储阵列运维手册.pdf");
        assertThat(driver.findElement(By.cssSelector("[data-testid='attachment-link']"))
                        .getText())
                .isEqualTo("扩容检查.sh");
        // uploaded without a category: no bare "分类：" in the meta line
        assertThat(driver.findElements(By.id("article-category"))).isEmpty();
        assertThat(driver.findElement(By.id("article-meta")).getText()).doesNotContain("分类");
        browser.screenshot("manuals-section");
    }
}
