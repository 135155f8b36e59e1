package org.earlyhelp.hub.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium driven by Selenium, the browser and its driver being Debian's ({@code chromium},
 * {@code chromium-driver}): never one a tool downloads. Pages are checked with axe-core (vendored in test resources).
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final String INSTALL = "the console's browser tests need Debian's chromium and chromium-driver:"
            + " apt-get install -y chromium chromium-driver";

    private final WebDriver driver;
    private final String base;
    private final Path screenshots;

    ConsoleBrowser(int port, Path screenshots) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--window-size=1280,1400");
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        this.base = "http://localhost:" + port;
        this.screenshots = screenshots;
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    }

    void open(String path) {
        driver.get(base + path);
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    WebElement find(String id) {
        return driver.findElement(By.id(id));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String id) {
        return find(id).getText();
    }

    String page() {
        return driver.findElement(By.tagName("body")).getText();
    }

    void type(String id, String value) {
        WebElement e = find(id);
        e.clear();
        e.sendKeys(value);
    }

    /** Sets a text area's value at once (typing 3,000 characters key by key is slow and adds nothing). */
    void setValue(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", find(id), value);
    }

    /** Clicks a button that submits a form, and waits for the page it leads to. */
    void click(String id) {
        WebElement page = driver.findElement(By.tagName("html"));
        find(id).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(30))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
    }

    void signIn(String username, String password) {
        open("/console/login");
        type("username", username);
        type("password", password);
        click("sign-in");
    }

    /** Submits a form by fetch, as a download does, and returns "status|Content-Disposition|body". */
    String submitByFetch(String formId) {
        Object r = ((JavascriptExecutor) driver)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1]; const f = document.getElementById(arguments[0]);"
                                + " fetch(f.action, {method: 'POST', body: new URLSearchParams(new FormData(f)),"
                                + " credentials: 'same-origin'}).then(r => r.text().then(t => done(r.status + '|'"
                                + " + r.headers.get('Content-Disposition') + '|' + t))).catch(e => done('error|' + e));",
                        formId);
        return String.valueOf(r);
    }

    void signOut() {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(By.cssSelector(".hub-header__user button")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(30))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(screenshots);
        byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(screenshots.resolve(name + ".png"), png);
    }

    /** The serious and critical accessibility violations axe-core finds on the page, as "id: help (n nodes)". */
    @SuppressWarnings("unchecked")
    List<String> seriousViolations() throws IOException {
        String axe;
        try (InputStream in = ConsoleBrowser.class.getResourceAsStream("/axe/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axe);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Map<String, Object> results =
                (Map<String, Object>) js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(function (r) { done(r); })"
                        + ".catch(function (e) { done({error: String(e)}); });");
        if (results.containsKey("error")) {
            throw new IllegalStateException("axe-core failed: " + results.get("error"));
        }
        List<String> serious = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) results.get("violations")) {
            Object impact = v.get("impact");
            if ("serious".equals(impact) || "critical".equals(impact)) {
                serious.add(v.get("id") + ": " + v.get("help") + " (" + ((List<?>) v.get("nodes")).size() + " nodes)");
            }
        }
        return serious;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
