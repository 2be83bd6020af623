package io.greenribbon.web;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.greenribbon.testkit.TestInfrastructure;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real browser for the console's tests: Debian's Chromium, headless, driven through Debian's chromedriver
 * (nothing downloads a browser or a driver), with a fresh profile. It signs in through Keycloak's own login
 * page, switches between a desktop and a phone-size viewport, saves a screenshot of every screen a test
 * passes through ({@code target/screenshots/<test>/<screen>-<lang>-<viewport>.png}) and runs the axe-core
 * accessibility audit on it. One browser serves a test class.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    /** Long enough for a loaded 2-core machine, short enough to fail a broken step quickly. */
    public static final Duration WAIT = Duration.ofSeconds(20);

    public enum Viewport {
        DESKTOP(1280, 900, false), PHONE(390, 844, true),
        /** A television in the hotline room (the wallboard). */
        TV(1920, 1080, false);

        final int width;
        final int height;
        final boolean mobile;

        Viewport(int width, int height, boolean mobile) {
            this.width = width;
            this.height = height;
            this.mobile = mobile;
        }

        String label() {
            return name().toLowerCase();
        }
    }

    public final ChromeDriver driver;
    private final String test;
    private final Path profile;
    private Viewport viewport = Viewport.DESKTOP;

    public Browser(String test) {
        this.test = test;
        try {
            this.profile = Files.createTempDirectory("greenribbon-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--lang=zh-CN", "--user-data-dir=" + profile,
                "--window-size=" + Viewport.DESKTOP.width + "," + Viewport.DESKTOP.height);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    public static String baseUrl() {
        return TestInfrastructure.get().webUrl();
    }

    public Browser open(String path) {
        driver.get(baseUrl() + path);
        return this;
    }

    /** Opens {@code path}; at Keycloak's own login page, types the demo account's name and password. */
    public Browser signIn(String username, String path) {
        open(path);
        onKeycloakLogin(username);
        waitFor(d -> d.getCurrentUrl().startsWith(baseUrl()));
        find(By.id("main"));
        return this;
    }

    /** Fills in Keycloak's login page, which must be showing. */
    public void onKeycloakLogin(String username) {
        WebElement user = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(driver.getCurrentUrl()).as("Keycloak's own login page").contains("/realms/greenribbon/");
        user.clear();
        user.sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.id("kc-login")).click();
    }

    public WebElement find(By by) {
        return waitFor(ExpectedConditions.presenceOfElementLocated(by));
    }

    public WebElement visible(By by) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits for {@code condition}; an element htmx swapped out under it is looked up again, not a failure. */
    public <T> T waitFor(Function<? super org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Runs {@code js} that calls its last argument when done; its value. */
    public Object asyncScript(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(js, args);
    }

    /** What a reader sees of the page (no form values, no hidden text). */
    public String text() {
        return (String) script("return document.body.innerText;");
    }

    /**
     * The page's own words: its visible text without pieces of data marked as another language
     * ({@code lang} attribute, such as a room's Chinese name on an English page) and without the language
     * switch, which names the other language in that language.
     */
    public String labels() {
        return (String) script("""
                var page = document.documentElement.lang, out = [];
                var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                while (walker.nextNode()) {
                  var node = walker.currentNode, el = node.parentElement;
                  if (!el || !el.checkVisibility() || el.closest('script,style,form[action="/console/language"]')) { continue; }
                  var tagged = el.closest('[lang]');
                  if (tagged && tagged.lang !== page) { continue; }
                  out.push(node.nodeValue);
                }
                return out.join(' ');""");
    }

    public String lang() {
        return driver.findElement(By.tagName("html")).getAttribute("lang").startsWith("en") ? "en" : "zh";
    }

    public Browser viewport(Viewport wanted) {
        this.viewport = wanted;
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", wanted.width,
                "height", wanted.height, "deviceScaleFactor", 1, "mobile", wanted.mobile));
        return this;
    }

    /** Saves the screen as {@code target/screenshots/<test>/<screen>-<lang>-<viewport>.png}. */
    public Path screenshot(String screen) {
        try {
            Path dir = Path.of("target/screenshots", test);
            Files.createDirectories(dir);
            Path file = dir.resolve(screen + "-" + lang() + "-" + viewport.label() + ".png");
            Object metrics = script("return [document.documentElement.scrollWidth, document.documentElement.scrollHeight];");
            List<?> size = (List<?>) metrics;
            long height = Math.min(6000, ((Number) size.get(1)).longValue());
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", viewport.width,
                    "height", (int) Math.max(viewport.height, height), "deviceScaleFactor", 1, "mobile", viewport.mobile));
            byte[] png = driver.getScreenshotAs(OutputType.BYTES);
            viewport(viewport);
            Files.write(file, png);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The axe-core audit of the page as it is now: no serious or critical violation. */
    public void assertAccessible(String screen) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
                .analyze(driver);
        List<String> bad = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(Browser::describe).toList();
        assertThat(bad).as("serious or critical accessibility violations on " + screen + " (" + lang() + ", "
                + viewport.label() + ")").isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                + rule.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList();
    }

    /** On a phone the page must not scroll sideways (it reflows), and {@code controls} must be on screen and usable. */
    public void assertUsableOnPhone(String screen, By... controls) {
        Number overflow = (Number) script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow.intValue()).as(screen + " scrolls sideways on a phone").isLessThanOrEqualTo(0);
        for (By control : controls) {
            WebElement element = find(control);
            script("arguments[0].scrollIntoView({block: 'center'});", element);
            assertThat(element.isDisplayed()).as(control + " shown on a phone").isTrue();
            Number width = (Number) script("return arguments[0].getBoundingClientRect().right;", element);
            assertThat(width.intValue()).as(control + " within the phone's width").isLessThanOrEqualTo(Viewport.PHONE.width);
        }
    }

    /** Every screen step: screenshot and audit, on a desktop and on a phone. */
    public void record(String screen, By... phoneControls) {
        viewport(Viewport.DESKTOP);
        screenshot(screen);
        assertAccessible(screen);
        viewport(Viewport.PHONE);
        screenshot(screen);
        assertAccessible(screen);
        assertUsableOnPhone(screen, phoneControls);
        viewport(Viewport.DESKTOP);
    }

    /** Switches the console's language with the switch in the page's header. */
    public void switchLanguage() {
        String before = lang();
        find(By.cssSelector("form[action='/console/language'] button")).click();
        waitFor(d -> !lang().equals(before));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
