package org.kbportal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The review workflow in the browser: an expert writes a draft and submits it, the admin approves it
 * in the review queue, a user finds it by search and marks it helpful.
 */
class ReviewBrowserIT {

    private static final Duration FIRST_LOAD = Duration.ofSeconds(90);

    @TempDir
    static Path dataDir;

    @RegisterExtension
    static final TestWatcher SCREENSHOT_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            try {
                browser.screenshot(
                        "review-failed-" + context.getRequiredTestMethod().getName());
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
                "--server.port=0", "--kb.data-dir=" + dataDir, "--vaadin.devmode.devTools.enabled=false");
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
    void expertSubmitsAdminApprovesUserFindsItAndFindsItHelpful() throws IOException {
        // the expert writes a draft and submits it
        browser.signIn(base, "expert", "expert-demo-2026", FIRST_LOAD);
        click(By.id("nav-new-draft"));
        browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("editor-title")));
        browser.type(By.cssSelector("#editor-id input"), "REVIEW-UI-1");
        browser.type(By.cssSelector("#editor-title input"), "显示器闪烁排查步骤");
        browser.type(By.cssSelector("#editor-body textarea"), "先检查视频线缆，再把刷新率设为 60Hz。");
        click(By.id("editor-save"));
        browser.waitFor().until(ExpectedConditions.urlContains("REVIEW-UI-1"));
        browser.waitFor().until(ExpectedConditions.elementToBeClickable(By.id("editor-submit")));
        assertThat(driver.findElements(By.id("editor-publish"))).noneMatch(WebElement::isDisplayed);
        click(By.id("editor-submit"));
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("editor-status"), "待审核"));
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("workflow-timeline"), "提交审核"));
        browser.screenshot("review-submitted");

        // the admin approves it in the review queue
        signOut();
        browser.signIn(base, "admin", "admin-demo-2026", FIRST_LOAD);
        click(By.id("nav-admin-review"));
        browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("review-item-REVIEW-UI-1")));
        assertThat(driver.findElement(By.id("review-item-REVIEW-UI-1")).getText())
                .contains("expert");
        browser.screenshot("review-queue");
        click(By.id("review-approve-REVIEW-UI-1"));
        browser.waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.id("review-item-REVIEW-UI-1")));

        // a user finds it by search, reads it and marks it helpful
        signOut();
        browser.signIn(base, "user", "user-demo-2026", FIRST_LOAD);
        driver.get(base);
        browser.type(By.cssSelector("#search-field input"), "显示器闪烁" + Keys.ENTER);
        WebElement hit = browser.waitFor()
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector(".search-hit[data-id='REVIEW-UI-1'] a.search-hit-title")));
        hit.click();
        browser.waitFor()
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("article-title"), "显示器闪烁排查步骤"));
        click(By.id("feedback-yes"));
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("feedback-message"), "谢谢"));
        assertThat(driver.findElement(By.id("feedback-counts")).getText()).startsWith("1 人认为有帮助");
        browser.screenshot("review-feedback");
    }

    @Test
    void anotherExpertSeesADraftReadOnly() throws IOException {
        signOut();
        browser.signIn(base, "expert", "expert-demo-2026", FIRST_LOAD);
        click(By.id("nav-new-draft"));
        browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("editor-title")));
        browser.type(By.cssSelector("#editor-id input"), "REVIEW-UI-OWN");
        browser.type(By.cssSelector("#editor-title input"), "打印队列卡住的处理");
        browser.type(By.cssSelector("#editor-body textarea"), "重启 Print Spooler 服务。");
        click(By.id("editor-save"));
        browser.waitFor().until(ExpectedConditions.urlContains("REVIEW-UI-OWN"));
        browser.waitFor().until(ExpectedConditions.elementToBeClickable(By.id("editor-submit")));
        assertThat(driver.findElements(By.id("editor-read-only"))).noneMatch(WebElement::isDisplayed);

        // another expert may read the draft, but the editor offers no save or submit
        signOut();
        browser.signIn(base, "expert2", "expert2-demo-2026", FIRST_LOAD);
        driver.get(base + "admin/articles/edit/REVIEW-UI-OWN");
        browser.waitFor()
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("editor-read-only"), "expert"));
        assertThat(driver.findElements(By.id("editor-save"))).noneMatch(WebElement::isDisplayed);
        assertThat(driver.findElements(By.id("editor-submit"))).noneMatch(WebElement::isDisplayed);
        browser.screenshot("review-not-your-draft");
    }

    /** Each test starts signed out, whatever the previous one left behind. */
    @org.junit.jupiter.api.AfterEach
    void signOutAfterEach() {
        signOut();
    }

    /** A fresh browser session: the next sign-in starts from scratch. */
    private static void signOut() {
        driver.manage().deleteAllCookies();
    }

    private static void click(By target) {
        browser.click(target);
    }
}
