package org.kbportal.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Debian Chromium and chromedriver, headless, with the waiting, typing and clicking a Vaadin
 * page needs. The driver path is explicit, so Selenium Manager never tries to download anything.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final Duration STEP = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;

    private HeadlessChromium(ChromeDriver driver) {
        this.driver = driver;
    }

    static HeadlessChromium start() {
        return start("zh-CN", "zh-CN,zh");
    }

    /** A browser whose interface language is {@code lang} and which asks for {@code acceptLanguage}. */
    static HeadlessChromium start(String lang, String acceptLanguage) {
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--lang=" + lang,
                "--window-size=1280,900");
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", acceptLanguage));
        return new HeadlessChromium(new ChromeDriver(service, options));
    }

    /** Waits of the usual length; the first page load in dev mode needs {@link #waitFor(Duration)}. */
    WebDriverWait waitFor() {
        return waitFor(STEP);
    }

    WebDriverWait waitFor(Duration timeout) {
        // Vaadin replaces elements while a wait polls them (a push update between finding an element and
        // reading its attribute): a stale element is one more "not yet", not a failure
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    WebElement visible(By target) {
        return waitFor().until(ExpectedConditions.visibilityOfElementLocated(target));
    }

    void type(By field, String text) {
        WebElement input = waitFor().until(ExpectedConditions.elementToBeClickable(field));
        input.clear();
        input.sendKeys(text);
    }

    void click(By target) {
        // Chromium does not always scroll inside the app layout by itself before clicking
        WebElement present = waitFor().until(ExpectedConditions.presenceOfElementLocated(target));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", present);
        waitFor().until(ExpectedConditions.elementToBeClickable(target)).click();
    }

    /** Signs in on the portal's login page; the first page load in dev mode needs a long {@code firstLoad}. */
    void signIn(String base, String user, String password, Duration firstLoad) {
        driver.get(base + "login");
        waitFor(firstLoad).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#login-username input")));
        type(By.cssSelector("#login-username input"), user);
        type(By.cssSelector("#login-password input"), password);
        click(By.id("login-button"));
        visible(By.id("current-user"));
    }

    /** Waits until the backend reports itself ready (start-up seeding done), at most three minutes. */
    static void awaitBackendReady(String backend) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest ready = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(backend + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5))
                .build();
        java.time.Instant deadline = java.time.Instant.now().plus(Duration.ofMinutes(3));
        while (java.time.Instant.now().isBefore(deadline)) {
            try {
                java.net.http.HttpResponse<String> answer =
                        http.send(ready, java.net.http.HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Backend not ready within 3 minutes");
    }

    /** Saves what the window shows as {@code target/screenshots/<name>.png}. */
    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
