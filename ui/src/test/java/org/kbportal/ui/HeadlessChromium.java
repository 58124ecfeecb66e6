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
                "--lang=zh-CN",
                "--window-size=1280,900");
        return new HeadlessChromium(new ChromeDriver(service, options));
    }

    /** Waits of the usual length; the first page load in dev mode needs {@link #waitFor(Duration)}. */
    WebDriverWait waitFor() {
        return waitFor(STEP);
    }

    WebDriverWait waitFor(Duration timeout) {
        return new WebDriverWait(driver, timeout);
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
