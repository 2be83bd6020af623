package io.greenribbon.web;

import io.greenribbon.hotline.Db;
import io.greenribbon.hotline.Hotline;
import io.greenribbon.telephony.peer.CallScript;
import io.greenribbon.telephony.peer.PeerCall;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hotline room's wallboard in a real browser, for Yuhua's line (which no other test calls): calls placed on
 * the Asterisk peer change its figures live, without reloading the page: a call answered (talking, answered,
 * a counsellor on a call), a second caller waiting (with the longest wait counting up) while the only
 * counsellor talks, answered once a second counsellor signs in, then ended (the answered count stays, the
 * counsellor writes up). Counts only: no caller number anywhere. official1 (the city's health official) lands
 * on it; it reads in both languages and passes the audit on a TV, a desktop and a phone.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WallboardConsoleTest {

    private static final String YUHUA = "130108";
    private static final String LINE = "031160130108";
    private static final String FIRST = "13911160801";
    private static final String SECOND = "13911160802";
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    static Browser browser;
    static Map<String, Object> lineBefore;

    @BeforeAll
    static void start() {
        Hotline.reset();
        clearYuhua();
        // A long first-tier wait keeps the second caller in Yuhua's queue (PBX time) while the board is read.
        lineBefore = admin().get("/api/hotline/lines").then().statusCode(200).extract().jsonPath()
                .getMap("find { it.id == '" + LINE + "' }");
        putLine(300);
        browser = new Browser("WallboardConsoleTest");
    }

    @AfterAll
    static void stop() {
        try {
            browser.close();
        } finally {
            Hotline.reset();
            putLine(((Number) lineBefore.get("tier1WaitSeconds")).intValue());
            clearYuhua();
        }
    }

    @Test
    @Order(1)
    void theOfficialLandsOnTheWallboard() {
        Hotline.available("counsellor1", YUHUA, "counselor1");
        browser.signIn("official1", "/console");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/console/wallboard");
        browser.open("/console/wallboard?division=" + YUHUA);
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("大屏 · 裕华区");
        assertThat(figure("waiting-" + LINE)).isZero();
        assertThat(figure("talking-" + LINE)).isZero();
        assertThat(figure("answered")).isZero();
        assertThat(figure("available")).isEqualTo(1);
        browser.waitFor(d -> "open".equals(browser.script("return document.body.dataset.liveState;")));
    }

    @Test
    @Order(2)
    void callsOnThePeerChangeTheFiguresLive() {
        Hotline.peer().phone("counselor1").answersAfter(Duration.ofSeconds(2));
        PeerCall first = Hotline.call(CallScript.from(FIRST).to(LINE).talksFor(Duration.ofMinutes(30)));
        Hotline.awaitContact(first.uniqueId(), c -> c.get("answered_at") != null);
        awaitFigure("talking-" + LINE, 1);
        awaitFigure("answered", 1);
        awaitFigure("on-call", 1);
        assertThat(figure("available")).isZero();

        // counsellor1 talks: the next caller waits in Yuhua's queue, and the longest wait counts up on the page.
        PeerCall second = Hotline.call(CallScript.from(SECOND).to(LINE).talksFor(Duration.ofSeconds(30)));
        Hotline.awaitContact(second.uniqueId(), c -> c.get("queued_at") != null);
        awaitFigure("waiting-" + LINE, 1);
        String wait = browser.find(By.cssSelector("#board-longest-" + LINE + " [data-age]")).getText();
        browser.waitFor(d -> !d.findElement(By.cssSelector("#board-longest-" + LINE + " [data-age]")).getText().equals(wait));
        assertThat(browser.find(By.id("board-line-" + LINE)).getAttribute("class")).contains("line-waiting");
        browser.record("wallboard-waiting");
        assertThat(browser.text()).doesNotContain(FIRST).doesNotContain(SECOND);

        // A second counsellor signs in on the line: the waiting caller is answered.
        Hotline.peer().phone("counselor2").answersAfter(Duration.ofSeconds(2));
        Hotline.available("counsellor2", YUHUA, "counselor2");
        Hotline.awaitContact(second.uniqueId(), c -> c.get("answered_at") != null);
        awaitFigure("waiting-" + LINE, 0);
        awaitFigure("talking-" + LINE, 2);
        awaitFigure("answered", 2);
        awaitFigure("on-call", 2);
        assertThat(browser.find(By.id("board-longest-" + LINE)).getText()).isEqualTo("—");

        // The second call ends: answered stays, one talks on, the other writes up.
        assertThat(second.awaitEnd(Hotline.SOON)).isTrue();
        awaitFigure("talking-" + LINE, 1);
        awaitFigure("wrap-up", 1);
        assertThat(figure("answered")).isEqualTo(2);
        assertThat(figure("offered")).isEqualTo(2);
        assertThat(browser.find(By.id("board-answer-rate")).getText()).isEqualTo("100%");
        browser.record("wallboard-live");
        assertThat(browser.text()).doesNotContain(FIRST).doesNotContain(SECOND).doesNotContain("counsellor1");
    }

    @Test
    @Order(3)
    void theWallboardReadsInBothLanguagesOnATvADesktopAndAPhone() {
        for (String lang : List.of("zh", "en")) {
            browser.open("/console/wallboard?division=" + YUHUA);
            browser.find(By.id("board"));
            assertThat(browser.lang()).isEqualTo(lang);
            if ("en".equals(lang)) {
                assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Wallboard · Yuhua District");
                String text = browser.labels();
                assertThat(HAN.matcher(text).find()).as("the wallboard in English, without Chinese text:\n" + text).isFalse();
            }
            browser.viewport(Browser.Viewport.TV);
            browser.screenshot("wallboard");
            browser.assertAccessible("wallboard");
            // Large type across a room: a waiting count is at least 4 % of the TV's height.
            Number height = (Number) browser.script("return document.getElementById('board-waiting-" + LINE
                    + "').getBoundingClientRect().height;");
            assertThat(height.doubleValue()).isGreaterThanOrEqualTo(1080 * 0.04);
            browser.record("wallboard", By.id("fullscreen"));
            browser.open("/console/wallboard");
            browser.find(By.id("board"));
            browser.record("wallboard-city");
            browser.switchLanguage();
        }
        assertThat(browser.lang()).isEqualTo("zh");
    }

    private static int figure(String name) {
        return Integer.parseInt(browser.find(By.id("board-" + name)).getText().trim());
    }

    /** Waits until the page, left as it is, shows {@code value} for the figure. */
    private static void awaitFigure(String name, int value) {
        browser.waitFor(d -> {
            try {
                return figure(name) == value;
            } catch (RuntimeException swappedMeanwhile) {
                return false;
            }
        });
    }

    private static void putLine(int tier1WaitSeconds) {
        Map<String, Object> line = new java.util.LinkedHashMap<>(lineBefore);
        line.keySet().retainAll(List.of("name", "divisionCode", "asksPressOne", "tier1WaitSeconds", "tier2WaitSeconds",
                "backupNumber", "forwarded12356", "active"));
        line.put("tier1WaitSeconds", tier1WaitSeconds);
        admin().body(line).put("/api/hotline/lines/" + LINE).then().statusCode(200);
    }

    /**
     * admin1 on the service, addressed in full: before and after a test class's methods Quarkus leaves
     * RestAssured pointing nowhere.
     */
    private static io.restassured.specification.RequestSpecification admin() {
        java.net.URI service = java.net.URI.create(Browser.baseUrl());
        return Hotline.as("admin1").baseUri(service.getScheme() + "://" + service.getHost()).port(service.getPort());
    }

    private static void clearYuhua() {
        Db.update("DELETE FROM hotline_callback WHERE division_code = '" + YUHUA + "'");
        Db.update("DELETE FROM hotline_contact_event WHERE contact_id IN "
                + "(SELECT id FROM hotline_contact WHERE division_code = '" + YUHUA + "')");
        Db.update("DELETE FROM hotline_contact WHERE division_code = '" + YUHUA + "'");
    }
}
