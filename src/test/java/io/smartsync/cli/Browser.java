package io.smartsync.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver (Selenium Manager never runs: nothing is
 * downloaded). Without a browser the tests skip with the reason printed, or fail when
 * {@code SMARTSYNC_REQUIRE_BROWSER=1} (CI). Screenshots go to the directory {@code SMARTSYNC_SCREENSHOTS}
 * names (e.g. {@code docs}), and nowhere without it.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Dimension LAPTOP = new Dimension(1366, 900);
    static final Dimension TABLET = new Dimension(820, 1180);

    private static final Duration WAIT = Duration.ofSeconds(20);

    final ChromeDriver driver;
    private final String base;
    private final Path profile;

    private Browser(ChromeDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    /** Skips the calling test (or fails it in CI) when Chromium or its driver is not installed. */
    static void assumeInstalled() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String reason = "browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                + " (apt-get install -y chromium chromium-driver)";
        if ("1".equals(System.getenv("SMARTSYNC_REQUIRE_BROWSER"))) {
            Assertions.fail(reason + "; SMARTSYNC_REQUIRE_BROWSER=1 requires them");
        }
        System.out.println("SKIPPED: " + reason);
        Assumptions.abort(reason);
    }

    static Browser open(int port) {
        assumeInstalled();
        Path profile;
        try {
            profile = Files.createTempDirectory("smartsync-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile,
                "--window-size=" + LAPTOP.width + "," + LAPTOP.height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options), "http://127.0.0.1:" + port, profile);
    }

    void go(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits until the condition holds (polling every 50 ms), never by sleeping a fixed time. */
    <T> T until(Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, WAIT, Duration.ofMillis(50))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    "waited " + WAIT.toSeconds() + " s in vain; the page showed:\n"
                            + driver.findElement(By.tagName("body")).getText(),
                    e);
        }
    }

    /** The element's visible text, read again if the page drew it anew meanwhile. */
    String text(String css) {
        return until(d -> d.findElement(By.cssSelector(css)).getText());
    }

    /** Clicks the element, looking it up again if the page drew it anew meanwhile. */
    void click(String css) {
        until(d -> {
            d.findElement(By.cssSelector(css)).click();
            return true;
        });
    }

    /** Waits until the element's visible text is exactly {@code text}. */
    void untilText(String css, String text) {
        until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return !found.isEmpty() && found.getFirst().getText().trim().equals(text);
        });
    }

    /** Waits until some element matching {@code css} shows text containing {@code part}. */
    WebElement untilShown(String css, String part) {
        return until(d -> d.findElements(By.cssSelector(css)).stream()
                .filter(e -> e.isDisplayed() && e.getText().contains(part))
                .findFirst()
                .orElse(null));
    }

    void signIn(String userId, String password) {
        go("/login.html");
        find("input[name=userId]").sendKeys(userId);
        find("input[name=password]").sendKeys(password);
        find("button[type=submit]").click();
        until(d -> find("#who").isDisplayed() && !find("#who").getText().isEmpty());
    }

    void tab(String name) {
        find("#tab-" + name).click();
        until(d -> find("#panel-" + name).isDisplayed());
    }

    /** Writes a screenshot of the whole page at {@code width} when SMARTSYNC_SCREENSHOTS names a directory. */
    Optional<Path> screenshot(String name, Dimension size) {
        return screenshot(name, size, true);
    }

    /** A screenshot of what fits in {@code size}, or of the whole page at that width. */
    Optional<Path> screenshot(String name, Dimension size, boolean wholePage) {
        String dir = System.getenv("SMARTSYNC_SCREENSHOTS");
        if (dir == null || dir.isBlank()) {
            return Optional.empty();
        }
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(size);
        long height =
                (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight");
        if (wholePage) {
            driver.manage().window().setSize(new Dimension(size.width, (int) Math.max(size.height, height + 100)));
        }
        try {
            Path target = Path.of(dir).resolve(name + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
            System.out.println("screenshot: " + target.toAbsolutePath());
            return Optional.of(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteTree(profile);
        }
    }

    /** Chromium's profile is throw-away; a file it still holds open is left to the temp directory's cleanup. */
    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.out.println("could not delete the browser profile " + dir + ": " + e);
        }
    }
}
