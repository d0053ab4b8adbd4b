package io.orderpayment.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * Debian's headless Chromium, driven through its ChromeDriver (packages chromium and
 * chromium-driver; {@code -Dconsole.chromium} and {@code -Dconsole.chromedriver} name others), on
 * the operator console of an order service. Selenium is given the driver, so it downloads nothing.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Dimension DESKTOP = new Dimension(1280, 800);
    static final Dimension PHONE = new Dimension(390, 844);

    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private final ChromeDriver driver;
    private final Path profile;
    private final String console;

    ConsoleBrowser(int orderServicePort, String adminPassword) {
        File chromium = installed("console.chromium", "/usr/bin/chromium");
        File chromedriver = installed("console.chromedriver", "/usr/bin/chromedriver");
        try {
            profile = Files.createTempDirectory("console-chromium");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        // Without the networking switches, Chromium keeps dialling Google's hosts, which a closed network refuses.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--user-data-dir=" + profile);
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(chromedriver).build(), options);
        driver.manage().window().setSize(DESKTOP);
        // Credentials in the address log in with HTTP Basic, as a browser's login prompt would.
        console = "http://admin:" + adminPassword + "@localhost:" + orderServicePort + "/console/";
    }

    private static File installed(String property, String path) {
        File file = new File(System.getProperty(property, path));
        if (!file.canExecute()) {
            throw new IllegalStateException(file + " is missing: the console's browser tests need Debian's chromium and"
                    + " chromium-driver (apt-get install chromium chromium-driver), or -D" + property + "=<path>");
        }
        return file;
    }

    /** Opens a page of the console: {@code route} is what follows the #, e.g. {@code /orders?q=x}. */
    void open(String route) {
        driver.get(console + "#" + route);
    }

    void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /** Waits (at most 30 s; the console refreshes every 5) until the page's text contains all of {@code texts}. */
    String awaitText(String... texts) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(this::mainText, text -> List.of(texts).stream().allMatch(text::contains));
    }

    /** Waits until the page's text contains none of {@code texts}. */
    String awaitNoText(String... texts) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(this::mainText, text -> List.of(texts).stream().noneMatch(text::contains));
    }

    String mainText() {
        return driver.findElement(By.id("main")).getText();
    }

    /**
     * Presses {@code key} on the element {@code by} finds, until the page's text contains
     * {@code expected}: the console redraws a region whose data changed every 5 s, and a key sent to
     * an element being replaced at that moment is lost, as an operator's would be.
     */
    void press(By by, CharSequence key, String expected) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            if (!driver.findElement(By.tagName("body")).getText().contains(expected)) {
                driver.findElement(by).sendKeys(key);
            }
            return driver.findElement(By.tagName("body")).getText().contains(expected);
        });
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    /** The element that has the keyboard focus. */
    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    String location() {
        return driver.getCurrentUrl();
    }

    /** Runs JavaScript in the page and returns what it returns. */
    Object script(String javaScript) {
        return ((JavascriptExecutor) driver).executeScript(javaScript);
    }

    /** Whether the page is wider than the window (a sideways scroll bar on the whole page). */
    boolean overflowsSideways() {
        return (Boolean) script("return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
    }

    /** Saves a screenshot of the window as target/console-screenshots/{name}.png, for docs/console.md. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }
}
