package org.kbportal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Chinese first, English complete, and phones: the portal at 390 px (search, ask, the question page
 * answered by the expert, the workbench) without horizontal overflow or clipped titles; a browser
 * that prefers English gets English on its first visit and keeps an explicit choice; and a scan of
 * every page in Chinese finds no English in the interface (user content, marked {@code kb-content},
 * is skipped; a short allow-list keeps product names, FAQ, PDF, CSV and user names).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PhoneAndLanguageBrowserIT {

    private static final Duration FIRST_LOAD = Duration.ofSeconds(90);
    private static final int PHONE = 390;

    /** Words that may appear on the Chinese interface: names of products, formats and the demo users. */
    private static final List<String> ALLOWED = List.of(
            // formats and file kinds
            "FAQ",
            "PDF",
            "CSV",
            "XLSX",
            "HTML",
            "DOCX",
            "TXT",
            "LOG",
            "ZIP",
            "Markdown",
            "Word",
            "Excel",
            "README",
            // units, tiers, the language switch, versions
            "kB",
            "KB",
            "MB",
            "GB",
            "TB",
            "PB",
            "EB",
            "ZB",
            "YB",
            "L1",
            "L2",
            "L3",
            "EN",
            "v1",
            "v2",
            "v3",
            // products and common IT abbreviations
            "IT",
            "ID",
            "SLA",
            "URL",
            "IP",
            "BSOD",
            "Lucene",
            "Elasticsearch",
            "Nginx",
            "MySQL",
            "Oracle",
            "Redis",
            "PostgreSQL",
            "Linux",
            "Windows",
            "DNS",
            "VPN",
            "TCP",
            "AD",
            "OA",
            "ERP",
            // the demo's user names and the system's own actors
            "admin",
            "expert",
            "expert2",
            "vendor",
            "user",
            "seed",
            "system");

    @TempDir
    static Path dataDir;

    private static PortalLauncher.Contexts portal;
    private static HeadlessChromium browser;
    private static String base;
    private static String questionUrl;
    private static String token;

    @BeforeAll
    static void startPortalAndBrowser() throws Exception {
        portal = PortalLauncher.start(
                "--server.port=0",
                "--kb.data-dir=" + dataDir,
                "--vaadin.devmode.devTools.enabled=false",
                "--kb.search.embeddings=false");
        base = "http://127.0.0.1:" + portal.ui().getEnvironment().getProperty("local.server.port") + "/";
        HeadlessChromium.awaitBackendReady(
                "http://127.0.0.1:" + portal.backend().getEnvironment().getProperty("local.server.port"));
        browser = HeadlessChromium.start();
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
    void aBrowserThatPrefersEnglishGetsEnglishAndAnExplicitChoiceStays() throws IOException {
        try (HeadlessChromium english = HeadlessChromium.start("en-US", "en-US,en;q=0.9")) {
            english.driver.get(base);
            english.waitFor(FIRST_LOAD)
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("nav-search"), "Search"));
            assertThat(english.driver.executeScript("return document.documentElement.lang"))
                    .isEqualTo("en");
            english.screenshot("lang-en-first-visit");

            // signed in as the expert (the longest header) on a 1366 px screen: no header link breaks over two lines
            english.driver.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", 1366, "height", 900, "deviceScaleFactor", 1, "mobile", false));
            english.signIn(base, "expert", "expert-demo-2026", FIRST_LOAD);
            english.driver.get(base + "workbench");
            english.visible(By.id("nav-workbench"));
            @SuppressWarnings("unchecked")
            List<String> broken = (List<String>) english.driver.executeScript(
                    "return [...document.querySelectorAll('.kb-header .kb-nav-link, .kb-header .kb-user')]"
                            + ".filter(a => a.checkVisibility() && a.getBoundingClientRect().height > 40)"
                            + ".map(a => a.textContent.trim() + ' ' + Math.round(a.getBoundingClientRect().height));");
            english.screenshot("lang-en-header-1366");
            assertThat(broken).as("header links broken over two lines").isEmpty();
            english.click(By.id("logout-button"));
            english.visible(By.id("login-link"));

            english.click(By.id("lang-switch"));
            english.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("nav-search"), "搜索"));
            // a new session (the server forgot the old one): the choice is remembered, not the browser's wish
            english.driver.manage().deleteCookieNamed("JSESSIONID");
            Cookie lang = english.driver.manage().getCookieNamed("kb-lang");
            assertThat(lang).isNotNull();
            assertThat(lang.getValue()).isEqualTo("zh");
            english.driver.get(base);
            english.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("nav-search"), "搜索"));
        }
        // and a Chinese browser starts in Chinese
        browser.driver.get(base);
        browser.waitFor(FIRST_LOAD)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("nav-search"), "搜索"));
    }

    @Test
    @Order(2)
    void theEnglishScanFindsEnglishOutsideUserContentAndNothingInside() {
        browser.driver.get(base);
        browser.visible(By.id("nav-search"));
        browser.driver.executeScript("const s = document.createElement('span'); s.id = 'planted';"
                + " s.textContent = 'Upload File… 上传'; document.body.appendChild(s);"
                + " const c = document.createElement('span'); c.className = 'kb-content'; c.id = 'planted-content';"
                + " c.textContent = 'Network operations'; document.body.appendChild(c);");
        assertThat(englishOnPage()).anySatisfy(w -> assertThat(w).startsWith("Upload"));
        assertThat(englishOnPage()).noneSatisfy(w -> assertThat(w).startsWith("Network"));
    }

    @Test
    @Order(3)
    void onAPhoneSearchShowsResultsFirstWithFacetsFoldedAway() throws IOException {
        phone();
        fresh();
        browser.signIn(base, "user", "user-demo-2026", FIRST_LOAD);
        header();
        browser.type(By.cssSelector("#search-field input"), "数据库备份");
        browser.click(By.id("search-button"));
        browser.waitFor().until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".search-hit"), 0));
        assertThat(browser.driver.findElement(By.id("search-facets")).isDisplayed())
                .isFalse();
        WebElement toggle = browser.visible(By.id("facet-toggle"));
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
        readable(".search-hit-title");
        fits("search-phone");

        browser.click(By.id("facet-toggle"));
        browser.visible(By.id("search-facets"));
        assertThat(browser.driver.findElement(By.id("facet-toggle")).getAttribute("aria-expanded"))
                .isEqualTo("true");
        fits("search-phone-facets");
    }

    @Test
    @Order(4)
    void onAPhoneTheSuggestedAnswersShowAboveTheSubmitButtonWhileTyping() throws IOException {
        browser.driver.get(base + "ask");
        token = "phone" + Instant.now().toEpochMilli();
        browser.type(By.cssSelector("#ask-title input"), "数据库备份失败 " + token);
        browser.type(By.cssSelector("#ask-body textarea"), "每天晚上的数据库备份任务失败，提示磁盘空间不足。");
        browser.waitFor(Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#similar-articles .similar-article")));
        settle();
        // measured in one go: the list is rebuilt while the user types
        Object above = browser.driver.executeScript(
                "const s = document.querySelector('#similar-articles .similar-article').getBoundingClientRect();"
                        + " const b = document.getElementById('ask-submit').getBoundingClientRect();"
                        + " return s.top < b.top && s.bottom <= b.top;");
        assertThat(above).as("a suggested answer above the submit button").isEqualTo(true);
        fits("ask-phone");

        browser.click(By.id("ask-category"));
        browser.click(By.xpath("//vaadin-select-item[contains(., '数据库管理')]"));
        browser.click(By.id("ask-submit"));
        browser.waitFor().until(ExpectedConditions.urlMatches("questions/\\d+$"));
        questionUrl = browser.driver.getCurrentUrl();
        browser.visible(By.id("question-title"));
        readable("#question-title");
        fits("question-phone-user");

        browser.driver.get(base + "questions");
        browser.visible(By.cssSelector("#mine-grid a.question-link"));
        readable("#mine-grid a.question-link");
        fits("mine-phone");
        signOut();
    }

    @Test
    @Order(5)
    void onAPhoneTheExpertAnswersFromTheWorkbench() throws IOException {
        fresh();
        browser.signIn(base, "expert", "expert-demo-2026", FIRST_LOAD);
        header();
        browser.click(By.id("nav-workbench"));
        By row = By.xpath(
                "//*[@id='workbench-assigned']//a[contains(@class,'question-link') and contains(., '" + token + "')]");
        browser.visible(row);
        readable("#workbench-assigned a.question-link");
        fits("workbench-phone");

        browser.driver.get(questionUrl);
        browser.type(By.cssSelector("#question-reply textarea"), "请清理备份目录后重试 " + token);
        fits("question-phone-expert");
        browser.click(By.id("question-answer"));
        browser.waitFor().until(ExpectedConditions.attributeToBe(By.id("question-status"), "data-status", "ANSWERED"));
        readable("#question-title");
        fits("question-phone-answered");
        assertThat(englishOnPage()).as("English on the question page").isEmpty();
        signOut();
    }

    /** Every page, in Chinese, as the administrator (who sees them all), at desktop and phone width. */
    @Test
    @Order(6)
    void everyPageInChineseHasNoEnglishInTheInterface() throws IOException {
        fresh();
        browser.signIn(base, "admin", "admin-demo-2026", FIRST_LOAD);
        Map<String, List<String>> english = new LinkedHashMap<>();
        Map<String, List<String>> layout = new LinkedHashMap<>();
        List<String> pages = new ArrayList<>(List.of(
                "",
                "?q=" + java.net.URLEncoder.encode("数据库备份", java.nio.charset.StandardCharsets.UTF_8),
                "ask",
                "questions",
                questionUrl.substring(base.length()),
                "workbench",
                "notifications",
                "account/notifications",
                "account/password",
                "admin/articles",
                "admin/articles/edit",
                "admin/manuals",
                "admin/review",
                "admin/categories",
                "admin/feedback",
                "admin/synonyms",
                "admin/index",
                "admin/duty",
                "admin/experts",
                "admin/sla",
                "admin/reports",
                "admin/backups",
                "admin/audit"));
        for (int width : new int[] {1366, PHONE}) {
            size(width);
            for (String page : pages) {
                browser.driver.get(base + page);
                browser.visible(By.id("nav-search"));
                settle();
                List<String> words = englishOnPage();
                if (!words.isEmpty()) {
                    english.put(width + " /" + page, words);
                }
                List<String> problems = new ArrayList<>(js(OVERFLOW));
                problems.addAll(js(GRIDS, width == PHONE));
                if (!problems.isEmpty()) {
                    layout.put(width + " /" + page, problems);
                }
                browser.screenshot(
                        "zh-" + width + "-" + (page.isEmpty() ? "search" : page.replaceAll("[^a-z0-9]+", "-")));
            }
        }
        signOut();
        for (int width : new int[] {1366, PHONE}) {
            size(width);
            browser.driver.get(base + "login");
            browser.visible(By.id("login-button"));
            settle();
            List<String> login = englishOnPage();
            if (!login.isEmpty()) {
                english.put(width + " /login", login);
            }
            List<String> problems = js(OVERFLOW);
            if (!problems.isEmpty()) {
                layout.put(width + " /login", problems);
            }
        }
        assertThat(english).as("English words on the Chinese interface").isEmpty();
        assertThat(layout)
                .as("sideways scrolling, clipped grid cells or empty grids without a word")
                .isEmpty();
    }

    /** A link to a manual's section, followed inside the app (Vaadin navigation, no page load), lands on it. */
    @Test
    @Order(7)
    void aManualSectionLinkOpensAtThatSection() throws IOException {
        phone();
        browser.driver.get(base);
        browser.visible(By.id("nav-search"));
        browser.driver.executeScript("const a = document.createElement('a'); a.id = 'jump'; a.textContent = '第五节';"
                + " a.setAttribute('router-link', ''); a.href = 'article/MAN-GOVOA-BACKUP-ZH~5';"
                + " document.querySelector('.kb-search').prepend(a);");
        browser.click(By.id("jump"));
        assertSectionFiveAtTheTop("manual-section-phone");

        // the same link opened from a message: a first page load, not a navigation inside the app
        browser.driver.get(base + "article/MAN-GOVOA-BACKUP-ZH~5");
        assertSectionFiveAtTheTop("manual-section-phone-loaded");
    }

    private static void assertSectionFiveAtTheTop(String screenshot) throws IOException {
        browser.visible(By.id("section-5"));
        settle();
        settle();
        Object top = browser.driver.executeScript(
                "return document.getElementById('section-5').getBoundingClientRect().top / window.innerHeight;");
        browser.screenshot(screenshot);
        assertThat(((Number) top).doubleValue())
                .as("the section heading's place on the screen (0 = top) on " + screenshot)
                .isBetween(-0.05, 0.5);
    }

    // ---------- helpers ----------

    private static void phone() {
        size(PHONE);
    }

    /** A phone's viewport (mobile, so the page's own viewport rules apply) or a desktop's. */
    private static void size(int width) {
        if (width == PHONE) {
            browser.driver.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", PHONE, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        } else {
            browser.driver.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", false));
        }
    }

    /** A new session: whatever an earlier step left behind (a failed test's login) does not carry over. */
    private static void fresh() {
        browser.driver.get(base + "login");
        browser.driver.manage().deleteAllCookies();
    }

    private static void signOut() {
        browser.click(By.id("logout-button"));
        browser.visible(By.id("login-link"));
    }

    /** Lets pushes and lazy texts (similar articles, grids) arrive. */
    private static void settle() {
        try {
            Thread.sleep(700);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The brand and every header link are visible and inside the screen. */
    private static void header() {
        List<String> out = js("const w = window.innerWidth; const out = [];"
                + " for (const el of document.querySelectorAll('#app-name, .kb-nav .kb-nav-link, #lang-switch,"
                + " #logout-button, #login-link')) { const r = el.getBoundingClientRect();"
                + " if (r.width === 0 || r.left < -1 || r.right > w + 1) out.push(el.id + ' ' + r.left + '..' + r.right); }"
                + " if (!document.getElementById('app-name')) out.push('no brand'); return out;");
        assertThat(out).as("header items out of reach").isEmpty();
    }

    /** Nothing sticks out of the screen sideways (except inside something that scrolls on purpose). */
    private static void fits(String screenshot) throws IOException {
        browser.screenshot(screenshot);
        List<String> out = js(OVERFLOW);
        assertThat(out).as("elements beyond the 390 px screen on " + screenshot).isEmpty();
    }

    /** Titles are inside the screen, not cut off, and wide enough to read. */
    private static void readable(String selector) {
        List<String> out = js(
                "const w = window.innerWidth; const out = [];"
                        + " for (const el of document.querySelectorAll(arguments[0])) {"
                        + "  if (!el.checkVisibility()) continue; const r = el.getBoundingClientRect();"
                        + "  if (r.right > w + 1 || r.left < -1) out.push('outside: ' + el.textContent);"
                        + "  else if (r.width < 120) out.push('narrow (' + Math.round(r.width) + ' px): ' + el.textContent);"
                        + "  else if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)"
                        + "   out.push('cut off: ' + el.textContent); }"
                        + " return out;",
                selector);
        assertThat(out).as("titles hard to read: " + selector).isEmpty();
        assertThat(browser.driver.findElements(By.cssSelector(selector))).isNotEmpty();
    }

    private static final String OVERFLOW = """
            const w = window.innerWidth; const out = [];
            const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
            // inside something narrower than the screen that scrolls or clips on purpose (a grid's table, a
            // wide code block); the page's own scroller (the whole width) does not count: that is sideways scrolling
            const up = n => n.assignedSlot || n.parentElement || (n.getRootNode().host || null);
            const intended = el => {
              if (el.closest('[slot="drawer"]')) return true;
              for (let a = up(el); a; a = up(a)) {
                const o = getComputedStyle(a).overflowX;
                if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip')
                  return a.getBoundingClientRect().width < w - 8;
              }
              return false;
            };
            if (document.documentElement.scrollWidth > w + 1) out.push('page ' + document.documentElement.scrollWidth);
            for (const el of document.body.querySelectorAll('*')) {
              if (!el.checkVisibility()) continue;
              const r = el.getBoundingClientRect();
              if (r.width === 0 || r.height === 0) continue;
              if ((r.right > w + 1 || r.left < -1) && !intended(el)) {
                out.push(describe(el) + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
              }
            }
            return out.slice(0, 15);
            """;

    /**
     * Grids: each says something when it has no rows; on a desktop (argument false) every column fits
     * (no sideways scrolling) and no cell cuts its text off. On a phone a wide grid scrolls inside itself.
     */
    private static final String GRIDS = """
            const phone = arguments[0]; const out = [];
            for (const g of document.querySelectorAll('vaadin-grid')) {
              if (!g.checkVisibility()) continue;
              const n = g._flatSize !== undefined ? g._flatSize : g.size;
              if (n === 0 && !g.querySelector('[slot="empty-state"]')) out.push('empty without a word: #' + g.id);
              if (phone) continue;
              const t = g.shadowRoot.querySelector('#table');
              if (t.scrollWidth - t.clientWidth > 1) out.push('scrolls sideways: #' + g.id + ' ' + t.scrollWidth + '>' + t.clientWidth);
              for (const c of g.querySelectorAll('vaadin-grid-cell-content')) {
                if (c.offsetParent !== null && c.textContent.trim() !== '' && c.scrollWidth > c.clientWidth + 1)
                  out.push('cut off in #' + g.id + ': ' + c.textContent.trim().slice(0, 40));
              }
            }
            return out.slice(0, 15);
            """;

    /**
     * Latin words in visible text and placeholders, light and shadow DOM, outside {@code .kb-content},
     * minus the allow-list; each with a little context.
     */
    private static List<String> englishOnPage() {
        return js("""
                const allowed = new Set(arguments[0].map(w => w.toLowerCase()));
                const found = [];
                const inContent = el => {
                  for (let e = el; e; ) {
                    if (e.closest('.kb-content')) return true;
                    const root = e.getRootNode();
                    e = root && root.host ? root.host : null;
                  }
                  return false;
                };
                const visible = el => {
                  for (let e = el; e; ) {
                    if (!e.checkVisibility({visibilityProperty: true, opacityProperty: true})) return false;
                    const r = e.getBoundingClientRect();
                    if (r.width < 1 || r.height < 1) return false;
                    const root = e.getRootNode();
                    if (!root.host) return true;
                    e = root.host;
                  }
                  return true;
                };
                const check = (text, el) => {
                  if (!text || !el || inContent(el) || !visible(el)) return;
                  for (const w of text.match(/[A-Za-z][A-Za-z0-9]*(?:[-'’][A-Za-z0-9]+)*/g) || []) {
                    if (w.length < 2 || allowed.has(w.toLowerCase())) continue;
                    found.push(w + ' ⟨' + text.trim().slice(0, 60) + '⟩');
                  }
                };
                const walk = root => {
                  for (const el of root.querySelectorAll('*')) {
                    if (['STYLE', 'SCRIPT', 'TEMPLATE', 'svg', 'SVG'].includes(el.tagName)) continue;
                    for (const n of el.childNodes) if (n.nodeType === 3) check(n.nodeValue, el);
                    if (el.placeholder) check(el.placeholder, el);
                    if (el.shadowRoot) walk(el.shadowRoot);
                  }
                };
                walk(document.body);
                return [...new Set(found)].slice(0, 40);
                """, ALLOWED);
    }

    @SuppressWarnings("unchecked")
    private static List<String> js(String script, Object... args) {
        Object result = browser.driver.executeScript(script, args);
        return result == null ? List.of() : (List<String>) result;
    }
}
