package io.greenribbon.web;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official's dashboard and the 12356 report in a real browser: official1 (the city) sees the city's figures
 * with charts drawn as SVG, drills down to Qiaoxi and to one of its townships, opens the report and fetches its
 * CSV (byte order mark, Chinese header), in both languages; official2 (Xinhua) is refused Qiaoxi. Screenshots and
 * the accessibility audit on a desktop and a phone.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OversightConsoleTest {

    static Browser browser;

    @BeforeAll
    static void start() {
        browser = new Browser("OversightConsoleTest");
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @Test
    @Order(1)
    void theCityOfficialSeesTheCitysFiguresWithCharts() {
        browser.signIn("official1", "/console/oversight");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("监管看板 · 石家庄市");
        List<WebElement> charts = browser.driver.findElements(By.cssSelector("figure.chart svg[role=img]"));
        assertThat(charts).hasSizeGreaterThanOrEqualTo(3);
        assertThat(browser.driver.findElements(By.cssSelector("script[src*='chart'], link[href*='cdn']"))).isEmpty();
        assertThat(browser.find(By.id("table-casesOpenedByDivision")).getText()).contains("桥西区");
        browser.record("dashboard-city");
    }

    @Test
    @Order(2)
    void theOfficialDrillsDownToQiaoxiAndATownship() {
        browser.find(By.cssSelector("#table-sessionsByDivision a[href*='division=130104&']")).click();
        browser.waitFor(d -> d.getCurrentUrl().contains("division=130104&"));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("监管看板 · 桥西区");
        assertThat(browser.find(By.cssSelector(".breadcrumbs")).getText()).contains("石家庄市").contains("桥西区");
        WebElement township = browser.find(By.cssSelector("#table-sessionsByDivision tbody a"));
        String name = township.getText();
        township.click();
        browser.waitFor(d -> d.findElement(By.tagName("h1")).getText().endsWith(name));
        // Below county level, small counts are hidden: every shown cell is a number or "<5".
        for (WebElement cell : browser.driver.findElements(By.cssSelector("#table-sessionsByDivision td"))) {
            assertThat(cell.getText()).matches("[0-9]+|<5");
        }
        browser.record("dashboard-township");
        browser.switchLanguage();
        assertThat(browser.find(By.tagName("h1")).getText()).startsWith("Oversight · ");
        browser.record("dashboard-township");
        browser.switchLanguage();
    }

    @Test
    @Order(3)
    void theReportOfQiaoxiComesAsAPageAndAsCsv() {
        browser.open("/console/oversight/report?division=130104");
        assertThat(browser.find(By.tagName("h1")).getText()).startsWith("12356 月报 · 桥西区");
        assertThat(browser.find(By.id("monthly-report")).getText()).contains("接通率").contains("高度危机来电")
                .contains("问题类别：情绪").contains("人员构成：持证人员");
        String href = browser.find(By.id("report-csv")).getAttribute("href");
        Object bytes = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => done(Array.from(new Uint8Array(b).slice(0, 60))));
                """, href);
        @SuppressWarnings("unchecked")
        List<Number> head = (List<Number>) bytes;
        assertThat(head.subList(0, 3).stream().map(Number::intValue).toList()).containsExactly(0xEF, 0xBB, 0xBF);
        byte[] raw = new byte[head.size()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = head.get(i).byteValue();
        }
        assertThat(new String(raw, java.nio.charset.StandardCharsets.UTF_8)).contains("区划代码,区划,月份,项目,数值");
        browser.record("report");
    }

    @Test
    @Order(4)
    void xinhuasOfficialCannotSeeQiaoxi() {
        try (Browser other = new Browser("OversightConsoleTest-official2")) {
            other.signIn("official2", "/console/oversight");
            assertThat(other.find(By.tagName("h1")).getText()).isEqualTo("监管看板 · 新华区");
            assertThat(other.driver.findElements(By.cssSelector("a[href*='division=130104']"))).isEmpty();
            other.open("/console/oversight?division=130104");
            assertThat(other.find(By.tagName("h1")).getText()).isEqualTo("超出管辖范围");
            assertThat(other.text()).doesNotContain("桥西区");
        }
    }
}
