package org.kbportal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
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
import org.kbportal.backend.search.SearchIndexer;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The whole portal in one JVM, driven through headless Chromium: a user searches (with suggestions
 * and spelling hints) and reads, an administrator writes, publishes and finds an article, maintains
 * synonyms and rebuilds the index. Elements are found by id and class only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserIT {

    private static final Duration FIRST_LOAD = Duration.ofSeconds(90);

    @TempDir
    static Path dataDir;

    /** A screenshot of every failure, next to the others in target/screenshots. */
    @RegisterExtension
    static final TestWatcher SCREENSHOT_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            try {
                screenshot("failed-" + context.getRequiredTestMethod().getName());
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
        // every document records the Content-Security-Policy violations it sees, from its first script on
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", CSP_WATCH));
    }

    private static final String CSP_WATCH = """
            document.addEventListener('securitypolicyviolation', e => {
              const seen = JSON.parse(sessionStorage.getItem('kb-csp') || '[]');
              seen.push(e.effectiveDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber);
              sessionStorage.setItem('kb-csp', JSON.stringify(seen));
            });
            """;

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
    void userSearchesSeesHighlightedHitsAndReadsTheFirstArticle() throws IOException {
        signIn("user", "user-demo-2026", FIRST_LOAD);
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("browse-database")));
        screenshot("landing");

        type(By.cssSelector("#search-field input"), "数据库备份");
        click(By.id("search-button"));
        List<WebElement> hits =
                waitFor().until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".search-hit"), 0));

        assertThat(driver.getCurrentUrl()).contains("q=");
        assertThat(driver.findElement(By.id("search-total")).getText()).containsPattern("\\d+");
        assertThat(driver.findElements(By.cssSelector(".search-hit .kb-snippet em")))
                .isNotEmpty();
        assertThat(driver.findElement(By.id("facet-category-database")).getText())
                .contains("数据库管理");
        screenshot("search-results");

        WebElement first = hits.get(0).findElement(By.cssSelector("a.search-hit-title"));
        String hitTitle = first.getText();
        String hitId = hits.get(0).getAttribute("data-id");
        first.click();
        WebElement title = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("article-title")));
        // the query log learnt which hit was opened
        waitFor().until(d -> timesOpened(hitId) > 0);

        assertThat(title.getText()).isNotBlank();
        assertThat(hitTitle).startsWith(title.getText());
        assertThat(driver.findElement(By.id("article-body")).getText()).hasSizeGreaterThan(20);
        screenshot("article");

        driver.navigate().back();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".search-hit")));
        assertThat(driver.findElement(By.cssSelector("#search-field input")).getAttribute("value"))
                .isEqualTo("数据库备份");
    }

    @Test
    @Order(2)
    void resultsArePagedThroughTheUrl() {
        click(By.id("pager-next"));
        waitFor().until(ExpectedConditions.urlContains("page=2"));
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("pager-status"), "第 2 /"));

        driver.navigate().back();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("pager-status"), "第 1 /"));
    }

    @Test
    @Order(3)
    void facetsFilterAndCanBeRemovedAgain() {
        click(By.id("facet-type-faq"));
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("filter-remove-type")));
        assertThat(driver.getCurrentUrl()).contains("type=faq");
        assertThat(driver.findElements(By.cssSelector(".search-hit .kb-badge-type-manual")))
                .isEmpty();

        click(By.id("filter-remove-type"));
        waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.id("filter-remove-type")));
        assertThat(driver.getCurrentUrl()).doesNotContain("type=");
    }

    @Test
    @Order(4)
    void refusedQueriesAndEmptyResultsAreExplainedInline() {
        driver.get(base + "?q=" + "长".repeat(501));
        WebElement error = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("search-error")));
        assertThat(error.getText()).contains("太长");

        // Enter in the search field searches, like the button
        type(By.cssSelector("#search-field input"), "zzqxjv" + Keys.ENTER);
        WebElement empty = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("search-empty")));
        assertThat(empty.getText()).contains("zzqxjv").contains("专家");
    }

    @Test
    @Order(5)
    void typingSuggestsTitlesAndChoosingOneSearchesIt() throws IOException {
        driver.get(base);
        By field = By.cssSelector("#search-field input");
        type(field, "数据库");
        WebElement suggestion =
                waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".search-suggestion")));
        assertThat(suggestion.getText()).isNotBlank();
        screenshot("suggestions");

        // the keyboard: down to the first title, Enter searches it
        driver.findElement(field).sendKeys(Keys.ARROW_DOWN);
        WebElement highlighted = waitFor()
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".search-suggestion.highlighted")));
        String chosen = highlighted.getText();
        driver.findElement(field).sendKeys(Keys.ENTER);
        waitFor().until(d -> decodedUrl().contains("q=" + chosen));
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".search-hit")));
        assertThat(driver.findElements(By.cssSelector(".search-suggestion"))).noneMatch(WebElement::isDisplayed);

        // the mouse: a click on a title searches it as well (the closed list's old titles are still there)
        type(field, "数据库");
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("search-suggestions")));
        List<WebElement> titles = driver.findElements(By.cssSelector(".search-suggestion"));
        String clicked = titles.get(titles.size() - 1).getText();
        titles.get(titles.size() - 1).click();
        waitFor().until(d -> decodedUrl().contains("q=" + clicked));
        waitFor().until(ExpectedConditions.attributeToBe(field, "value", clicked));
    }

    @Test
    @Order(6)
    void aMisspelledQueryOffersTheBetterSpelling() {
        driver.get(base + "?q=pasword");
        WebElement better =
                waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("search-did-you-mean")));
        assertThat(better.getText()).isEqualTo("password");

        click(By.id("search-did-you-mean"));
        waitFor().until(ExpectedConditions.urlContains("q=password"));
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".search-hit")));
    }

    @Test
    @Order(7)
    void aManualSectionHitOpensTheManualAtThatSection() {
        driver.get(base + "?q=" + URLEncoder.encode("安装 数据库 初始化", StandardCharsets.UTF_8) + "&type=manual");
        WebElement hit = waitFor()
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector(".search-hit[data-id*='~'] a.search-hit-title")));
        String section =
                hit.findElement(By.xpath("./..")).getAttribute("data-id").replaceAll(".*~", "");
        hit.click();

        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("article-toc")));
        waitFor().until(ExpectedConditions.attributeContains(By.id("toc-" + section), "class", "active"));
        // the section heading was scrolled to the top of the window
        waitFor().until(d -> (Boolean) driver.executeScript(
                "const r = document.getElementById(arguments[0]).getBoundingClientRect();"
                        + " return r.top >= 0 && r.top < 200;",
                "section-" + section));
        assertThat(driver.getCurrentUrl()).contains("~" + section);
    }

    @Test
    @Order(8)
    void languageSwitchRendersThePageInEnglishAndBack() throws IOException {
        click(By.id("lang-switch"));
        waitFor().until(ExpectedConditions.textToBe(By.id("nav-search"), "Search"));
        assertThat(driver.findElement(By.id("app-name")).getText()).isEqualTo("IT Ops Knowledge Base");
        screenshot("english");

        click(By.id("lang-switch"));
        waitFor().until(ExpectedConditions.textToBe(By.id("nav-search"), "搜索"));
    }

    @Test
    @Order(9)
    void usersCannotOpenTheAdministration() {
        driver.get(base + "admin/articles");
        WebElement forbidden = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("forbidden")));
        assertThat(forbidden.getText()).contains("没有访问权限");

        click(By.id("logout-button"));
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-link")));
    }

    @Test
    @Order(10)
    void adminWritesPublishesAndFindsAnArticle() throws IOException {
        // anonymous: sent to the login page, and back to the article list afterwards
        driver.get(base + "admin/articles");
        waitFor().until(ExpectedConditions.urlContains("login"));
        type(By.cssSelector("#login-username input"), "admin");
        type(By.cssSelector("#login-password input"), "admin-demo-2026");
        click(By.id("login-button"));
        waitFor()
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#article-grid vaadin-grid-cell-content")));
        screenshot("admin-articles");

        String token = "uitest" + Instant.now().toEpochMilli();
        click(By.id("article-new"));
        type(By.cssSelector("#editor-title input"), "浏览器测试：重启 " + token + " 服务");
        type(By.cssSelector("#editor-body textarea"), "## 步骤\n\n1. 登录服务器\n2. 执行 `systemctl restart " + token + "`\n");
        click(By.id("editor-save"));
        waitFor().until(ExpectedConditions.urlContains("admin/articles/edit/"));
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("editor-status"), "草稿"));

        click(By.id("editor-publish"));
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("editor-state"), "已发布"));
        screenshot("editor");

        click(By.xpath("//*[@id='version-grid']//vaadin-grid-cell-content[text()='v1']"));
        // the dialog's content lives in its overlay, not inside the <vaadin-dialog> element
        WebElement dialog =
                waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".kb-version-content")));
        assertThat(dialog.getText()).contains(token);
        click(By.id("version-dialog-close"));

        driver.get(base + "?q=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        WebElement hit = waitFor()
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".search-hit a.search-hit-title")));
        assertThat(hit.getText()).contains(token);
    }

    @Test
    @Order(11)
    void adminMaintainsSynonymsThatSearchesUseAtOnce() throws IOException {
        click(By.id("nav-admin-synonyms"));
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("synonym-grid")));

        String term = "synuitest" + Instant.now().toEpochMilli();
        click(By.id("synonym-new"));
        type(By.cssSelector("#synonym-terms textarea"), "一个词");
        click(By.id("synonym-save"));
        waitFor().until(ExpectedConditions.attributeToBe(By.id("synonym-terms"), "invalid", "true"));

        type(By.cssSelector("#synonym-terms textarea"), term + "、数据库备份");
        click(By.id("synonym-save"));
        By chip = By.xpath("//*[@id='synonym-grid']//span[contains(@class,'kb-term') and text()='" + term + "']");
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(chip));
        screenshot("admin-synonyms");

        driver.get(base + "?q=" + term);
        WebElement note = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("search-synonyms")));
        assertThat(note.getText()).contains("数据库备份");
        assertThat(driver.findElements(By.cssSelector(".search-hit"))).isNotEmpty();

        driver.navigate().back();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(chip));
        type(By.cssSelector("#synonym-filter input"), term);
        waitFor().until(ExpectedConditions.textToBe(By.id("synonym-count"), "共 1 组"));
        click(By.cssSelector("#synonym-grid [id^='synonym-delete-']"));
        click(By.id("synonym-delete-confirm"));
        waitFor().until(ExpectedConditions.invisibilityOfElementLocated(chip));
    }

    @Test
    @Order(12)
    void adminRebuildsTheIndexAndWatchesItFinish() throws IOException {
        click(By.id("nav-admin-index"));
        waitFor().until(ExpectedConditions.textMatches(By.id("index-indexed"), Pattern.compile("[1-9]\\d*")));
        screenshot("admin-index");

        Instant requested = Instant.now();
        click(By.id("index-rebuild"));
        click(By.id("index-rebuild-confirm"));
        // the start-up rebuild may have left "DONE" on the page: see this one start first
        By state = By.id("index-rebuild-state");
        waitFor()
                .pollingEvery(Duration.ofMillis(100))
                .until(d -> List.of("STARTING", "RUNNING")
                        .contains(d.findElement(state).getAttribute("data-state")));
        assertThat(driver.findElement(By.id("index-rebuild")).getDomAttribute("disabled"))
                .isNotNull();
        browser.waitFor(Duration.ofMinutes(3)).until(ExpectedConditions.attributeToBe(state, "data-state", "DONE"));

        var progress = portal.backend().getBean(SearchIndexer.class).rebuildProgress();
        assertThat(progress.state()).isEqualTo("DONE");
        assertThat(progress.startedAt()).isAfterOrEqualTo(requested.truncatedTo(ChronoUnit.SECONDS));
        assertThat(driver.findElement(By.id("index-rebuild-count")).getText())
                .contains(progress.done() + " / " + progress.total());
        assertThat(driver.findElement(By.id("index-rebuild")).getDomAttribute("disabled"))
                .isNull();
        screenshot("admin-index-rebuilt");
    }

    @Test
    @Order(13)
    void aUserAsksTheExpertSeesItLiveAnswersAndTheUserResolvesAndRates() throws IOException {
        // the expert watches the workbench in a second browser before the question exists
        try (HeadlessChromium expertBrowser = HeadlessChromium.start()) {
            ChromeDriver expert = expertBrowser.driver;
            expert.get(base + "login");
            expertBrowser.type(By.cssSelector("#login-username input"), "expert");
            expertBrowser.type(By.cssSelector("#login-password input"), "expert-demo-2026");
            expertBrowser.click(By.id("login-button"));
            expertBrowser.visible(By.id("current-user"));
            expertBrowser.click(By.id("nav-workbench"));
            expertBrowser.visible(By.id("workbench-assigned"));

            click(By.id("logout-button"));
            // logout loads a fresh page (new session): wait for it, or its redirect overtakes the next get
            waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-link")));
            signIn("user", "user-demo-2026", FIRST_LOAD);
            click(By.id("nav-ask"));
            String token = "qtest" + Instant.now().toEpochMilli();
            type(By.cssSelector("#ask-title input"), "数据库备份失败 " + token);
            WebElement suggestion = waitFor()
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".similar-article a")));
            assertThat(suggestion.getText()).isNotBlank();
            click(By.id("ask-category"));
            click(By.xpath("//vaadin-select-item[contains(., '数据库管理')]"));
            type(By.cssSelector("#ask-body textarea"), "每晚的全量备份从昨天开始报错。\n错误码 ORA-19502。");
            screenshot("ask");
            click(By.id("ask-submit"));
            waitFor().until(ExpectedConditions.urlMatches("questions/\\d+$"));
            String questionUrl = driver.getCurrentUrl();
            assertThat(driver.findElement(By.id("question-title")).getText()).contains(token);

            // live: no reload on the expert's side
            By row = By.xpath("//*[@id='workbench-assigned']//a[contains(@class,'question-link') and contains(., '"
                    + token + "')]");
            expertBrowser.waitFor(Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(row));
            expertBrowser.screenshot("workbench");
            expertBrowser.click(row);
            expertBrowser.type(By.cssSelector("#question-reply textarea"), "请检查归档目录空间，清理后重试 " + token);
            expertBrowser.click(By.id("question-answer"));
            expertBrowser
                    .waitFor()
                    .until(ExpectedConditions.attributeToBe(By.id("question-status"), "data-status", "ANSWERED"));

            driver.get(questionUrl);
            WebElement answer = waitFor()
                    .until(ExpectedConditions.visibilityOfElementLocated(
                            By.cssSelector(".question-message.from-expert")));
            assertThat(answer.getText()).contains("归档目录空间");
            click(By.id("question-resolve"));
            waitFor().until(ExpectedConditions.attributeToBe(By.id("question-status"), "data-status", "RESOLVED"));
            // five stars per dimension: a click on the n-th star's label chooses n
            click(By.cssSelector("label[for='rate-attitude-5']"));
            click(By.cssSelector("label[for='rate-expertise-4']"));
            click(By.cssSelector("label[for='rate-timeliness-5']"));
            click(By.id("rate-submit"));
            WebElement rating =
                    waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("question-rating")));
            assertThat(rating.getText()).contains("5", "4");
            assertThat(driver.findElements(By.id("rate-submit"))).isEmpty();
            screenshot("question-rated");
        }
    }

    @Test
    @Order(99)
    void everyPageRanUnderTheContentSecurityPolicyWithoutViolations() throws Exception {
        java.net.http.HttpResponse<Void> page = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "login"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'", "script-src 'self'"));
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        // the flows above (search, articles, admin, questions, push) ran in this browser under the policy
        driver.get(base);
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("search-field")));
        Object seen = driver.executeScript("return sessionStorage.getItem('kb-csp');");
        assertThat(seen == null ? "[]" : seen.toString()).isEqualTo("[]");
        // the watcher does see a violation: a foreign image is refused and recorded
        driver.executeScript("const i = document.createElement('img'); i.src = 'https://csp-check.invalid/x.png';"
                + " document.body.appendChild(i);");
        waitFor()
                .until(d -> String.valueOf(driver.executeScript("return sessionStorage.getItem('kb-csp');"))
                        .contains("img-src"));

        // the session cookie is Secure when the request came over TLS (a trusted proxy's X-Forwarded-Proto)
        java.net.http.HttpResponse<Void> tls = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "login"))
                                .header("X-Forwarded-Proto", "https")
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(tls.headers().allValues("Set-Cookie"))
                .filteredOn(c -> c.startsWith("JSESSIONID="))
                .singleElement()
                .satisfies(c -> assertThat(c).containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly"));
        assertThat(page.headers().allValues("Set-Cookie"))
                .filteredOn(c -> c.startsWith("JSESSIONID="))
                .allSatisfy(c -> assertThat(c).doesNotContainIgnoringCase("Secure"));
    }

    private static long timesOpened(String unitId) {
        Long count = portal.backend()
                .getBean(DatabaseClient.class)
                .sql("SELECT COUNT(*) FROM search_log WHERE opened_id = :id")
                .bind("id", unitId)
                .map(row -> row.get(0, Long.class))
                .one()
                .block(Duration.ofSeconds(10));
        return count == null ? 0 : count;
    }

    private static String decodedUrl() {
        return URLDecoder.decode(driver.getCurrentUrl(), StandardCharsets.UTF_8);
    }

    private static void signIn(String user, String password, Duration firstLoad) throws IOException {
        driver.get(base + "login");
        browser.waitFor(firstLoad)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#login-username input")));
        screenshot("login");
        type(By.cssSelector("#login-username input"), user);
        type(By.cssSelector("#login-password input"), password);
        click(By.id("login-button"));
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
    }

    private static void type(By field, String text) {
        browser.type(field, text);
    }

    private static void click(By target) {
        browser.click(target);
    }

    private static WebDriverWait waitFor() {
        return browser.waitFor();
    }

    private static void screenshot(String name) throws IOException {
        browser.screenshot(name);
    }
}
