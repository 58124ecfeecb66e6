package org.kbportal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Two-factor sign-in in the browser: a user sets it up on {@code account/mfa} (QR code, key as text, a code
 * computed here from that key, the recovery codes shown once), signs out, and signs in again in two
 * steps: the password, then a code field, where a wrong code is refused and the right one signs in. The set-up
 * page is reached from the user menu; the password page's hint shows the configured policy.
 */
class MfaBrowserIT {

    private static final Duration FIRST_LOAD = Duration.ofSeconds(90);

    @TempDir
    static Path dataDir;

    private static PortalLauncher.Contexts portal;
    private static HeadlessChromium browser;
    private static String base;

    @BeforeAll
    static void startPortalAndBrowser() throws Exception {
        portal = PortalLauncher.start(
                "--server.port=0",
                "--kb.data-dir=" + dataDir,
                "--kb.seed.index-data=false",
                "--kb.search.embeddings=false",
                "--kb.password.history=4",
                "--vaadin.devmode.devTools.enabled=false");
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
    void setsUpTheSecondFactorAndSignsInInTwoSteps() throws Exception {
        browser.signIn(base, "user", "user-demo-2026", FIRST_LOAD);
        String name = browser.visible(By.id("current-user")).getText();
        // the password page's hint is the backend's policy (history set to 4 here), not the defaults
        browser.click(By.id("change-password-link"));
        browser.waitFor()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#password-new [slot='helper']"), "最近 4 次"));
        // the set-up page from the user menu; the name item stays as it was
        browser.click(By.id("mfa-link"));
        assertThat(browser.visible(By.id("current-user")).getText()).isEqualTo(name);
        browser.click(By.id("mfa-start"));
        assertThat(browser.visible(By.id("mfa-qr")).getAttribute("src")).startsWith("data:image/svg+xml;base64,");
        String key = browser.visible(By.id("mfa-secret")).getText().replace(" ", "");
        assertThat(key).matches("[A-Z2-7]{32}");
        String enrolmentCode = code(key, 0);
        browser.type(By.cssSelector("#mfa-code input"), enrolmentCode);
        browser.click(By.id("mfa-confirm"));
        assertThat(browser.visible(By.id("mfa-recovery-codes")).findElements(By.tagName("li")))
                .hasSize(10);

        browser.click(By.id("logout-button"));
        browser.visible(By.id("login-link"));
        browser.driver.get(base + "login");
        browser.waitFor(FIRST_LOAD)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#login-username input")));
        browser.type(By.cssSelector("#login-username input"), "user");
        browser.type(By.cssSelector("#login-password input"), "user-demo-2026");
        browser.click(By.id("login-button"));

        // second step: the code field; the code used for the set-up is refused (already used)
        browser.type(By.cssSelector("#login-code input"), enrolmentCode);
        browser.click(By.id("login-code-button"));
        assertThat(browser.visible(By.id("login-error")).getText()).isNotBlank();
        assertThat(browser.driver.findElements(By.id("current-user"))).isEmpty();

        browser.type(By.cssSelector("#login-code input"), code(key, 1));
        browser.click(By.id("login-code-button"));
        browser.visible(By.id("current-user"));
    }

    /** RFC 6238 (HMAC-SHA1, 30 s, 6 digits) of the current step plus {@code offset}, from the Base32 key. */
    private static String code(String base32, int offset) throws Exception {
        java.io.ByteArrayOutputStream key = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : base32.toCharArray()) {
            buffer = (buffer << 5) | "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".indexOf(c);
            bits += 5;
            if (bits >= 8) {
                key.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key.toByteArray(), "HmacSHA1"));
        byte[] h = mac.doFinal(ByteBuffer.allocate(8)
                .putLong(Instant.now().getEpochSecond() / 30 + offset)
                .array());
        int o = h[h.length - 1] & 0x0f;
        int n = ((h[o] & 0x7f) << 24 | (h[o + 1] & 0xff) << 16 | (h[o + 2] & 0xff) << 8 | (h[o + 3] & 0xff))
                % 1_000_000;
        return String.format("%06d", n);
    }
}
