package org.kbportal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kbportal.ui.client.LoginResult;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Session handling attacked from the browser: the session id changes at sign-in (a planted id does
 * not carry the login), logout ends the HTTP session (the old cookie opens a fresh, anonymous one)
 * and revokes the backend token, and a signed-in session ends after the idle timeout although
 * Vaadin's heartbeat (every second here) keeps talking to the server.
 */
class SessionBrowserIT {

    private static final Duration FIRST_LOAD = Duration.ofSeconds(90);
    private static final Duration IDLE = Duration.ofSeconds(8);

    @TempDir
    static Path dataDir;

    private static PortalLauncher.Contexts portal;
    private static HeadlessChromium browser;
    private static String base;
    private static String backend;

    @BeforeAll
    static void startPortalAndBrowser() throws Exception {
        portal = PortalLauncher.start(
                "--server.port=0",
                "--kb.data-dir=" + dataDir,
                "--kb.seed.index-data=false",
                "--kb.search.embeddings=false",
                "--kb.ui.session.idle-timeout=" + IDLE,
                "--vaadin.heartbeatInterval=1",
                "--vaadin.devmode.devTools.enabled=false");
        base = "http://127.0.0.1:" + portal.ui().getEnvironment().getProperty("local.server.port") + "/";
        backend = "http://127.0.0.1:" + portal.backend().getEnvironment().getProperty("local.server.port");
        HeadlessChromium.awaitBackendReady(backend);
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

    @BeforeEach
    void anonymous() {
        browser.driver.manage().deleteAllCookies();
    }

    @Test
    void signInRenewsTheSessionIdAndLogoutEndsSessionAndToken() throws Exception {
        browser.driver.get(base + "login");
        browser.waitFor(FIRST_LOAD)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#login-username input")));
        String before = sessionCookie();
        assertThat(before).isNotNull();

        browser.type(By.cssSelector("#login-username input"), "expert");
        browser.type(By.cssSelector("#login-password input"), "expert-demo-2026");
        browser.click(By.id("login-button"));
        browser.visible(By.id("current-user"));
        String signedIn = sessionCookie();
        assertThat(signedIn).isNotEqualTo(before);
        // the id known before sign-in is worth nothing now
        assertThat(serverSession(before)).isNull();

        String token = token(signedIn);
        assertThat(backendStatus(token)).isEqualTo(200);
        browser.driver.get(base + "ask");
        browser.visible(By.id("current-user"));

        browser.click(By.id("logout-button"));
        browser.visible(By.id("login-link"));
        assertThat(serverSession(signedIn)).isNull();
        assertThat(backendStatus(token)).isEqualTo(401);

        // the old cookie, replayed, opens a fresh anonymous session: the protected page asks for a login
        browser.driver.manage().deleteAllCookies();
        browser.driver.manage().addCookie(new Cookie("JSESSIONID", signedIn, "/"));
        browser.driver.get(base + "ask");
        // an anonymous visitor's ask page says to sign in first (and offers the sign-in link)
        browser.visible(By.id("ask-sign-in"));
        assertThat(browser.driver.findElements(By.id("ask-submit"))).isEmpty();
        assertThat(browser.driver.findElements(By.id("current-user"))).isEmpty();
    }

    @Test
    void anIdleSessionEndsWhateverTheHeartbeatDoes() throws Exception {
        browser.signIn(base, "user", "user-demo-2026", FIRST_LOAD);
        String token = token(sessionCookie());

        // clicks keep it alive past the timeout
        long until = System.nanoTime() + IDLE.multipliedBy(3).dividedBy(2).toNanos();
        while (System.nanoTime() < until) {
            browser.click(By.id("lang-switch"));
            Thread.sleep(2_000);
        }
        browser.visible(By.id("current-user"));
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("login");

        // then nothing but heartbeats: signed out, sent to the login page with the reason
        browser.waitFor(IDLE.multipliedBy(4)).until(ExpectedConditions.urlContains("login?idle"));
        assertThat(browser.visible(By.id("login-error")).getText()).containsAnyOf("长时间未操作", "without activity");
        assertThat(backendStatus(token)).isEqualTo(401);
        browser.driver.get(base + "ask");
        browser.visible(By.id("ask-sign-in"));
        assertThat(browser.driver.findElements(By.id("ask-submit"))).isEmpty();
        assertThat(browser.driver.findElements(By.id("current-user"))).isEmpty();
    }

    private static String sessionCookie() {
        Cookie c = browser.driver.manage().getCookieNamed("JSESSIONID");
        return c == null ? null : c.getValue();
    }

    private static HttpSession serverSession(String id) throws IOException {
        TomcatWebServer server = (TomcatWebServer) ((WebServerApplicationContext) portal.ui()).getWebServer();
        Context context = (Context) server.getTomcat().getHost().findChildren()[0];
        Session s = context.getManager().findSession(id);
        return s == null || !s.isValid() ? null : s.getSession();
    }

    /** The backend token the server keeps in the Vaadin session of this session id. */
    private static String token(String sessionId) throws IOException {
        HttpSession http = serverSession(sessionId);
        assertThat(http).isNotNull();
        for (String name : Collections.list(http.getAttributeNames())) {
            if (http.getAttribute(name) instanceof VaadinSession vaadin) {
                vaadin.lock();
                try {
                    return vaadin.getAttribute(LoginResult.class).token();
                } finally {
                    vaadin.unlock();
                }
            }
        }
        throw new AssertionError("no Vaadin session in " + sessionId);
    }

    private static int backendStatus(String token) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(backend + "/api/auth/me"))
                                .header("Authorization", "Bearer " + token)
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
