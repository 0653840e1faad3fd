package nl.wijkzaken.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless system Chromium for {@link RequiresBrowser} tests; never downloads a browser or driver. */
public final class Browser {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private Browser() {
    }

    static String unavailableReason() {
        if (!Files.isExecutable(Path.of(CHROMIUM))) {
            return "No Chromium at " + CHROMIUM;
        }
        if (!Files.isExecutable(Path.of(CHROMEDRIVER))) {
            return "No chromedriver at " + CHROMEDRIVER;
        }
        return null;
    }

    /** A fresh headless browser with its own profile directory; quit it after the test. */
    public static WebDriver start() {
        try {
            Path profile = Files.createTempDirectory("wijkzaken-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--window-size=1280,1600", "--lang=nl-NL", "--user-data-dir=" + profile);
            // An explicit driver executable: Selenium Manager never tries to download one.
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                    .usingAnyFreePort()
                    .build();
            WebDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits (up to 30 s) for an element of the next page: a click on a submit button may return before the
     * browser has left the old page, most visibly on a busy machine.
     */
    /**
     * Opens Tasklist's login page and returns its user name field. On a loaded machine Tasklist's start-up has been
     * seen to hang on its spinner; then the evidence is kept and the page is opened afresh (at most three times).
     */
    public static WebElement openTasklistLogin(WebDriver driver, String loginUrl, String evidence) {
        org.openqa.selenium.TimeoutException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            driver.manage().deleteAllCookies();
            driver.get("about:blank");
            driver.get(loginUrl);
            try {
                return await(driver, By.cssSelector("input[ng-model=username]"));
            } catch (org.openqa.selenium.TimeoutException notShown) {
                screenshot(driver, evidence + "-login-not-shown-" + attempt);
                last = notShown;
            }
        }
        throw last;
    }

    public static WebElement await(WebDriver driver, By locator) {
        return waiting(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /**
     * A wait that retries when an element goes stale: Tasklist (AngularJS) and form-js re-render parts of the page
     * while a condition reads them, so an element found a moment ago may be gone (seen in CI).
     */
    public static WebDriverWait waiting(WebDriver driver, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /**
     * Types into a field of a Camunda webapp (Tasklist, Cockpit). Those pages receive no synthetic key or mouse
     * events from headless Chromium (WebElement.sendKeys and click change nothing there, unlike on our own pages),
     * so the text is inserted through the DevTools protocol, which fires the same input events typing does. A form
     * that re-renders right after an earlier change (form-js) may reset the field: then it is typed again.
     */
    public static void type(WebDriver driver, WebElement field, String text) {
        for (int attempt = 0; attempt < 5; attempt++) {
            ((JavascriptExecutor) driver).executeScript("arguments[0].focus(); arguments[0].select && arguments[0].select()", field);
            ((ChromeDriver) driver).executeCdpCommand("Input.insertText", Map.of("text", text));
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (text.equals(field.getDomProperty("value"))) {
                return;
            }
        }
        throw new IllegalStateException("Could not type '" + text + "', the field holds '" + field.getDomProperty("value") + "'");
    }

    /** Clicks an element of a Camunda webapp page (see {@link #type}) with a DOM click. */
    public static void click(WebDriver driver, WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", element);
    }

    /** Saves a screenshot as target/screenshots/&lt;name&gt;.png. */
    public static void screenshot(WebDriver driver, String name) {
        try {
            Path target = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
