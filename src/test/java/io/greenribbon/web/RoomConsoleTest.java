package io.greenribbon.web;

import io.greenribbon.rooms.RoomFixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

import static io.greenribbon.rooms.RoomFixtures.VILLAGE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The room staff's screens in a real browser, on a phone: staff1 signs in through Keycloak's own login page,
 * opens their room's week, books from a free slot with a counsellor of the county pool free then and a client
 * registered on the spot; a resent booking form books nothing more; a weekly series whose second week
 * collides with the counsellor's session in another room says which booking collides and offers the next
 * free slots, one of which is booked with one tap; a session of today is checked in (a resent tap is not
 * taken twice, and the screen says so) and completed; the room's details are changed once. staff2 cannot
 * open staff1's room by any link. The counsellor sees the booked sessions in "my week" with the calendar
 * subscription. Every screen, in both languages, on a desktop and a phone, passes the accessibility audit.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoomConsoleTest {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    static Browser browser;
    static long room;
    static long otherRoom;
    static long counsellor;
    static LocalDate day;
    static long otherBooking;
    static long booked;
    static long today;
    static String clientCode;

    @BeforeAll
    static void start() {
        browser = new Browser("RoomConsoleTest");
    }

    /** The rooms, and the counsellor's session in the other room (through the API, which is up once a test runs). */
    static void rooms() {
        room = RoomFixtures.room(VILLAGE, "staff1");
        otherRoom = RoomFixtures.room(VILLAGE, "staff1");
        // counsellor1's own pool record (王梅, Qiaoxi), so that "my week" shows what staff1 books.
        counsellor = RoomFixtures.count("SELECT id FROM counsellor WHERE username = 'counsellor1'");
        // Weeks ahead, clear of the demo week and of other tests' sessions of counsellor1.
        day = RoomFixtures.day(9, 0);
        long otherClient = RoomFixtures.client("staff1", VILLAGE);
        otherBooking = RoomFixtures.book("staff1", RoomFixtures.booking(otherRoom, counsellor, otherClient,
                RoomFixtures.at(day.plusWeeks(1), "11:00"), RoomFixtures.at(day.plusWeeks(1), "12:00")));
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @Test
    @Order(1)
    void staffSignsInOnAPhoneAndSeesTheirRoomsWeek() {
        rooms();
        browser.viewport(Browser.Viewport.PHONE);
        browser.signIn("staff1", "/console/rooms");
        // staff1 keeps the demo room of their village and the rooms tests make; each leads to its week.
        assertThat(browser.driver.findElements(By.cssSelector("#room-list a"))).isNotEmpty();
        record("rooms");
        browser.open("/console/rooms/" + room);
        browser.visible(By.id("week-title"));
        // Today first on a phone: the day marked today is the first day shown.
        Number todayTop = (Number) browser.script("var t = document.querySelector('.day.today');"
                + " return t ? t.getBoundingClientRect().top : -1;");
        Number firstTop = (Number) browser.script("return Math.min.apply(null, Array.from(document.querySelectorAll('.day'))"
                + ".map(function (d) { return d.getBoundingClientRect().top; }));");
        assertThat(todayTop.doubleValue()).as("today's card on a phone").isEqualTo(firstTop.doubleValue());
        record("week", By.id("next-week"));
    }

    @Test
    @Order(2)
    void bookingFromAFreeSlotWithAClientRegisteredOnTheSpot() {
        browser.open("/console/rooms/" + room + "?week=" + day);
        By slot = By.cssSelector("#date-" + day + " a[href*='start=09:00']");
        browser.find(slot).click();
        browser.visible(By.id("book-form"));
        assertThat(browser.find(By.id("date")).getAttribute("value")).isEqualTo(day.toString());
        assertThat(browser.find(By.id("start")).getAttribute("value")).isEqualTo("09:00");
        // Filtering by dialect leaves counsellor1 (王梅 speaks 河北方言) among those free.
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("language"))).selectByValue("河北方言");
        browser.waitFor(d -> !d.findElements(By.id("counsellor-" + counsellor)).isEmpty()
                && Boolean.TRUE.equals(browser.script("return document.querySelector('.htmx-request') === null;")));
        assertThat(browser.find(By.id("counsellor-hint")).getText()).contains("位咨询师有空");
        record("book", By.id("book"));

        browser.find(By.cssSelector("#new-client summary")).click();
        browser.visible(By.id("contact-name")).sendKeys("小李");
        browser.find(By.id("contact-phone")).sendKeys("13800001111");
        browser.find(By.id("register-client")).click();
        clientCode = browser.visible(By.id("client-registered")).getText().replaceAll(".*代码 ([0-9A-Z]{4}-[0-9A-Z]{4}).*", "$1");
        assertThat(clientCode).matches("[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(browser.find(By.id("client-code")).getAttribute("value")).isEqualTo(clientCode);
        assertThat(RoomFixtures.count("SELECT count(*) FROM room_client WHERE code = ? AND contact_sealed IS NOT NULL",
                clientCode)).isEqualTo(1);

        browser.find(By.id("counsellor-" + counsellor)).click();
        browser.find(By.id("purpose")).sendKeys("情绪疏导");
        String sent = formData("book-form");
        browser.find(By.id("book")).click();
        assertThat(browser.visible(By.id("booked-title")).getText()).isEqualTo("已预约");
        booked = Long.parseLong(browser.find(By.id("open-booking")).getAttribute("href").replaceAll(".*/", ""));
        record("booked");

        // A double tap, or the form sent again on a flaky connection: one booking, and the screen says so.
        String again = post("/console/rooms/" + room + "/book", sent);
        assertThat(again).contains("此预约已完成").contains("没有重复预约");
        assertThat(RoomFixtures.count("SELECT count(*) FROM booking WHERE room_id = ? AND status <> 'CANCELLED'", room))
                .isEqualTo(1);
    }

    @Test
    @Order(3)
    void aCollisionSaysWhichBookingAndASuggestedSlotIsBookedWithOneTap() {
        browser.open("/console/rooms/" + room + "/book?date=" + day + "&start=11:00&end=12:00&client=" + clientCode);
        browser.find(By.id("counsellor-" + counsellor)).click();
        WebDriverFields.set(browser, "weeks", "2");
        browser.find(By.id("book")).click();
        String collisions = browser.visible(By.id("collisions")).getText();
        assertThat(browser.find(By.id("conflict-detail")).getText()).contains(day.plusWeeks(1).toString());
        assertThat(collisions).contains("咨询师已有预约").contains(String.valueOf(otherBooking))
                .contains(RoomFixtures.roomName(otherRoom));
        assertThat(browser.driver.findElements(By.cssSelector(".offers button"))).hasSize(3);
        record("conflict", By.id("offer-0"));

        // A double tap on the offered slot: booked once (the series' two weeks, no more).
        new org.openqa.selenium.interactions.Actions(browser.driver).doubleClick(browser.find(By.id("offer-0"))).perform();
        assertThat(browser.visible(By.id("booked-title")).getText()).isIn("已预约", "此预约已完成");
        assertThat(RoomFixtures.count("SELECT count(*) FROM booking WHERE room_id = ? AND series_id IS NOT NULL", room))
                .isEqualTo(2);
        // The first slot after 11:00 whose both weeks are free: 12:00 (11:30 collides in week 2 too).
        assertThat(RoomFixtures.text("SELECT to_char(min(starts_at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')"
                + " FROM booking WHERE room_id = ? AND series_id IS NOT NULL", room)).isEqualTo(day + " 12:00");
    }

    @Test
    @Order(4)
    void aSessionOfTodayIsCheckedInOnceAndCompleted() {
        ZonedDateTime now = ZonedDateTime.now(RoomFixtures.ZONE).truncatedTo(ChronoUnit.MINUTES);
        long client = RoomFixtures.count("SELECT id FROM room_client WHERE code = ?", clientCode);
        // A counsellor of the pool with nothing else now (counsellor1 may have a demo session this week).
        today = RoomFixtures.bookedNow(room, RoomFixtures.counsellor("130104"), client, now.minusMinutes(5).toOffsetDateTime(),
                now.plusMinutes(40).toOffsetDateTime());
        browser.open("/console/rooms/" + room);
        By checkIn = By.id("check-in-" + today);
        String sent = (String) browser.script("return new URLSearchParams(new FormData(arguments[0].form)).toString();",
                browser.find(checkIn));
        browser.find(checkIn).click();
        browser.waitFor(d -> d.findElement(By.id("session-" + today + "-status")).getText().equals("已签到"));
        assertThat(browser.find(By.cssSelector("#session-" + today + " #step-done")).getText()).isEqualTo("已签到。");
        record("checked-in", By.id("complete-" + today));

        // The same tap again (a retry): nothing more happens, and the screen says it was done already.
        String again = post("/console/bookings/" + today + "/check-in", sent.replace("from=week", "from=page"));
        assertThat(again).contains("本次未重复办理").doesNotContain("step-refused");
        assertThat(RoomFixtures.count("SELECT count(*) FROM booking_event WHERE booking_id = ? AND kind = 'CHECKED_IN'",
                today)).isEqualTo(1);

        browser.find(By.id("complete-" + today)).click();
        browser.waitFor(d -> d.findElement(By.id("session-" + today + "-status")).getText().equals("已完成"));
        browser.open("/console/bookings/" + today);
        assertThat(browser.find(By.id("history")).getText()).contains("staff1");
        record("session");
    }

    @Test
    @Order(5)
    void cancellingNeedsAReasonAndReschedulingKeepsTheHistory() {
        browser.open("/console/bookings/" + booked + "/reschedule");
        WebDriverFields.set(browser, "start", "14:00");
        WebDriverFields.set(browser, "end", "15:00");
        record("reschedule", By.id("move"));
        browser.find(By.id("move")).click();
        assertThat(browser.visible(By.id("step-done")).getText()).contains("已改期");
        assertThat(browser.find(By.id("history")).getText()).contains("09:00");
        browser.find(By.id("cancel")).click();
        assertThat(browser.visible(By.id("step-refused")).getText()).contains("取消原因");
        browser.find(By.id("cancel-reason")).sendKeys("来访者请假");
        browser.find(By.id("cancel")).click();
        assertThat(browser.visible(By.id("step-done")).getText()).isEqualTo("已取消预约。");
        record("cancelled");
    }

    @Test
    @Order(6)
    void theRoomsDetailsAreChangedOnceByTheirKeeper() {
        browser.open("/console/rooms/" + room + "/details");
        WebElement note = browser.find(By.id("accessibility-note"));
        note.clear();
        note.sendKeys("无障碍坡道在东门");
        WebDriverFields.set(browser, "dated-new-date", day.plusDays(2).toString());
        String sent = formData("room-form");
        browser.find(By.id("save-room")).click();
        browser.visible(By.id("room-saved"));
        assertThat(browser.driver.findElements(By.id("room-staff"))).as("who keeps the room is an admin's to change")
                .allMatch(e -> e.findElements(By.tagName("input")).isEmpty());
        record("details", By.id("save-room"));
        assertThat(post("/console/rooms/" + room + "/details", sent)).contains("未重复保存");
        assertThat(RoomFixtures.count("SELECT count(*) FROM room_dated_hours WHERE room_id = ?", room)).isEqualTo(1);
        browser.open("/console/rooms/" + room + "?week=" + day.plusDays(2));
        assertThat(browser.find(By.id("date-" + day.plusDays(2))).getText()).contains("不开放");
    }

    /** Every screen in English: no Chinese left in its labels. */
    @Test
    @Order(7)
    void everyScreenInEnglish() {
        List<String[]> screens = List.of(new String[]{"rooms", "/console/rooms"},
                new String[]{"week", "/console/rooms/" + room + "?week=" + day},
                new String[]{"book", "/console/rooms/" + room + "/book?date=" + day.plusDays(1) + "&start=09:00&end=10:00"},
                new String[]{"session", "/console/bookings/" + today},
                new String[]{"reschedule", "/console/bookings/" + RoomFixtures.count(
                        "SELECT min(id) FROM booking WHERE room_id = ? AND series_id IS NOT NULL", room) + "/reschedule"},
                new String[]{"details", "/console/rooms/" + room + "/details"});
        browser.open("/console/rooms");
        browser.switchLanguage();
        for (String[] screen : screens) {
            browser.open(screen[1]);
            browser.find(By.id("main"));
            assertThat(browser.lang()).isEqualTo("en");
            String text = browser.labels();
            assertThat(HAN.matcher(text).find()).as(screen[0] + " in English, without Chinese text:\n" + text).isFalse();
            record(screen[0]);
        }
        browser.switchLanguage();
        assertThat(browser.lang()).isEqualTo("zh");
    }

    /** staff2 keeps the next village's room: staff1's room is refused by every link, and listed nowhere. */
    @Test
    @Order(8)
    void anotherVillagesStaffCannotOpenTheRoom() {
        signOut();
        browser.signIn("staff2", "/console/rooms");
        assertThat(browser.driver.findElements(By.id("room-" + room))).isEmpty();
        for (String path : List.of("/console/rooms/" + room, "/console/rooms/" + room + "/book?date=" + day
                + "&start=09:00&end=10:00", "/console/rooms/" + room + "/details", "/console/bookings/" + today,
                "/console/bookings/" + today + "/reschedule")) {
            browser.open(path);
            String h1 = browser.find(By.tagName("h1")).getText();
            assertThat(h1).as(path).isIn("无权访问", "超出管辖范围", "未找到");
            assertThat(browser.text()).as(path).doesNotContain(clientCode).doesNotContain(RoomFixtures.roomName(room));
        }
        record("refused");
        String refused = post("/console/bookings/" + today + "/cancel", "reason=x&key=abcdefgh12345&_csrf="
                + browser.script("return (document.querySelector('input[name=_csrf]') || {}).value;"));
        assertThat(refused).doesNotContain("已取消预约");
        assertThat(RoomFixtures.count("SELECT count(*) FROM booking WHERE id = ? AND status = 'COMPLETED'", today)).isEqualTo(1);
    }

    /** counsellor1 sees the sessions booked with them in "my week", and makes the calendar subscription. */
    @Test
    @Order(9)
    void theCounsellorSeesTheSessionsInMyWeekWithTheCalendarLink() {
        signOut();
        browser.signIn("counsellor1", "/console/week?week=" + day.plusWeeks(1));
        assertThat(browser.find(By.id("main")).getText()).contains("11:00").contains(RoomFixtures.roomName(otherRoom));
        browser.find(By.id("feed-make")).click();
        String url = browser.visible(By.id("feed-url")).getAttribute("value");
        assertThat(url).matches(".*/calendar/[A-Za-z0-9_-]{43}\\.ics");
        assertThat(browser.find(By.id("feed-subscribe")).getAttribute("href")).startsWith("webcal:");
        record("my-week", By.id("feed-url"));
        String ics = io.restassured.RestAssured.given().get(url.replaceFirst("^https?://[^/]+", "")).then().statusCode(200)
                .extract().asString().replace("\r\n ", "");
        assertThat(ics).contains("BEGIN:VCALENDAR").contains(RoomFixtures.roomName(otherRoom));
        browser.find(By.id("feed-off")).click();
        browser.visible(By.id("feed-notice"));
        io.restassured.RestAssured.given().get(url.replaceFirst("^https?://[^/]+", "")).then().statusCode(404);
    }

    /** Screenshots and the audit on a desktop and a phone; the flow goes on on the phone. */
    private static void record(String screen, By... phoneControls) {
        browser.record(screen, phoneControls);
        browser.viewport(Browser.Viewport.PHONE);
    }

    private static void signOut() {
        browser.open("/console/rooms");
        browser.find(By.cssSelector("form[data-sign-out] button")).click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/signed-out"));
    }

    private static String formData(String formId) {
        return (String) browser.script("return new URLSearchParams(new FormData(document.getElementById(arguments[0]))).toString();",
                formId);
    }

    /** Posts a form from the page, as a resend by the browser would; the answer's body. */
    private static String post(String path, String form) {
        return (String) browser.asyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {method: 'POST', credentials: 'same-origin',"
                + " headers: {'Content-Type': 'application/x-www-form-urlencoded'},"
                + " body: arguments[1]}).then(function (r) { return r.text(); }).then(done, function () { done(''); });",
                path, form);
    }

    /** Sets an input's value as typing would (date and time inputs take no keys reliably in headless Chromium). */
    static final class WebDriverFields {
        static void set(Browser browser, String id, String value) {
            browser.script("var e = document.getElementById(arguments[0]); e.value = arguments[1];"
                    + " e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));",
                    id, value);
        }
    }
}
