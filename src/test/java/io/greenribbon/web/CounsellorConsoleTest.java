package io.greenribbon.web;

import io.greenribbon.hotline.Hotline;
import io.greenribbon.telephony.peer.CallScript;
import io.greenribbon.telephony.peer.PeerCall;
import io.greenribbon.testkit.KeycloakAdmin;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static io.greenribbon.hotline.Hotline.QIAOXI_LINE;
import static io.greenribbon.hotline.Hotline.XINHUA_LINE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counsellor's console in a real browser, end to end: counsellor1 signs in through Keycloak's own login
 * page, goes available, a call from a caller who called before is answered on the Asterisk peer and pops up
 * on the desk as a repeat caller; counsellor1 answers the C-SSRS (plan and intent), flags imminent risk,
 * loses the session mid-form and keeps the form through signing in again, and saves once (a resent form
 * records nothing more). Every screen, in both languages, on a desktop and a phone, passes the
 * accessibility audit; counsellor2 (another county) finds the case nowhere. When the same caller then calls
 * counsellor2's line, counsellor2's desk shows only that a restricted record exists; breaking the glass takes a
 * reason (refused in words next to the field without one, kept while the panel refreshes), then shows the
 * case's safety plan until a stated time, and the use waits in the supervisors' review queue and the access log.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CounsellorConsoleTest {

    private static final String CALLER = "13911110514";
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    static Browser browser;
    static PeerCall call;
    static long contactId;
    static long caseId;
    static PeerCall glassCall;
    static long glassContactId;
    static long breakGlassId;

    private static final By GLASS_SUBMIT = By.cssSelector("#call-risk form button[type=submit]");
    private static final String GLASS_REASON = "来电者说今晚想结束生命，需要查看其安全计划";

    @BeforeAll
    static void start() {
        browser = new Browser("CounsellorConsoleTest");
    }

    @AfterAll
    static void stop() {
        browser.close();
        Hotline.reset();
    }

    /** counsellor1 took a call of this caller before (through the API), so the next call is a repeat call. */
    @Test
    @Order(1)
    void theCallerCalledBefore() {
        Hotline.reset();
        Hotline.as("supervisor1").body(Map.of("username", "counsellor1", "reason", "console test",
                        "until", OffsetDateTime.now(ZoneOffset.UTC).plusHours(2).toString()))
                .post("/api/hotline/presence/overrides").then().statusCode(201);
        Hotline.signIn("counsellor1", "AVAILABLE", null);
        Hotline.awaitMembers("PJSIP/counselor1", m -> !m.paused());
        PeerCall first = Hotline.call(CallScript.from(CALLER).to(QIAOXI_LINE).talksFor(Duration.ofSeconds(30)));
        long firstId = (Long) Hotline.awaitClosed(first.uniqueId()).get("id");
        Hotline.as("counsellor1").body(Map.of("problems", List.of("FAMILY"))).patch("/api/hotline/contacts/" + firstId)
                .then().statusCode(200);
        Hotline.signIn("counsellor1", "OFFLINE", null);
    }

    @Test
    @Order(2)
    void counsellorSignsInThroughKeycloakAndGoesAvailable() {
        browser.open("/console");
        browser.visible(By.id("username"));
        browser.screenshot("keycloak-login");
        browser.signIn("counsellor1", "/console");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/console/desk");
        assertThat(browser.find(By.id("presence-state")).getText()).isEqualTo("离线");
        assertThat(browser.find(By.id("presence-standing")).getText()).contains("督导临时授权");
        browser.record("desk-offline", By.id("go-available"), By.id("go-paused"));

        browser.find(By.id("go-available")).click();
        browser.waitFor(d -> "可接听".equals(d.findElement(By.id("presence-state")).getText()));
        browser.waitFor(d -> d.findElement(By.id("presence-pbx")).getText().contains("hl-130104"));
        assertThat(browser.find(By.id("presence-pbx")).getText()).contains("hl-1301").contains("与系统一致");
        browser.record("desk-available", By.id("go-paused"));
    }

    @Test
    @Order(3)
    void anAnsweredCallPopsUpAsARepeatCaller() {
        Hotline.peer().phone("counselor1").answersAfter(Duration.ofSeconds(3));
        call = Hotline.call(CallScript.from(CALLER).to(QIAOXI_LINE).talksFor(Duration.ofMinutes(40)));
        Map<String, Object> contact = Hotline.awaitContact(call.uniqueId(), c -> c.get("answered_at") != null);
        contactId = (Long) contact.get("id");

        WebElement repeat = browser.visible(By.id("repeat-caller"));
        assertThat(repeat.getText()).isEqualTo("重复来电");
        assertThat(browser.find(By.id("call-caller")).getText()).contains("此前来电 1 次");
        assertThat(browser.find(By.id("call-line")).getText()).isEqualTo(QIAOXI_LINE);
        assertThat(browser.find(By.id("call-wait")).getText()).containsPattern("[0-9]+ 秒");
        assertThat(browser.find(By.id("call-risk")).getText()).contains("没有未结的风险个案");
        browser.visible(By.id("q-wishedDead-yes"));
        browser.record("desk-call", By.id("save-contact"), By.id("q-wishedDead-yes"));
    }

    @Test
    @Order(4)
    void theScreenerShowsTheServersLevelAsItIsAnswered() {
        browser.find(By.id("problem-EMOTION")).click();
        browser.find(By.id("notes")).sendKeys("Talked through tonight; caller agreed to a safety plan.");
        answer("wishedDead", "yes");
        assertThat(level()).isEqualTo("低");
        answer("suicidalThoughts", "yes");
        browser.visible(By.id("q-thoughtOfMethod-yes"));
        answer("thoughtOfMethod", "yes");
        browser.waitFor(d -> "中".equals(level()));
        answer("intent", "yes");
        answer("planAndIntent", "yes");
        answer("suicidalBehaviour", "no");
        browser.waitFor(d -> "高".equals(level()));
        assertThat(browser.find(By.id("computed-level")).getAttribute("class")).contains("level-HIGH");
        browser.find(By.id("imminent")).click();
        new Select(browser.find(By.id("imminent-basis"))).selectByValue("INTENT_PLAN_AND_MEANS");
        browser.find(By.id("plan-warningSigns")).sendKeys("Not sleeping\nGiving things away");
        browser.find(By.id("plan-peopleToAsk")).sendKeys("Sister (lives nearby)");
        browser.record("contact-form", By.id("save-contact"));
    }

    /** The session ends while the form is open: saving asks to sign in again, and the form is all still there. */
    @Test
    @Order(5)
    void aSessionThatEndsMidFormKeepsTheFormThroughSigningInAgain() {
        KeycloakAdmin.endSessions("counsellor1");
        for (Cookie cookie : browser.driver.manage().getCookies()) {
            if (cookie.getName().startsWith("q_session")) {
                browser.driver.manage().deleteCookie(cookie);
            }
        }
        browser.find(By.id("save-contact")).click();
        WebElement banner = browser.visible(By.id("session-ended"));
        assertThat(banner.getText()).contains("登录已过期");
        browser.record("session-ended");

        browser.find(By.id("sign-in-again")).click();
        browser.onKeycloakLogin("counsellor1");
        browser.waitFor(d -> d.getCurrentUrl().startsWith(Browser.baseUrl()));
        browser.visible(By.id("save-contact"));
        browser.waitFor(d -> d.findElement(By.id("q-planAndIntent-yes")).isSelected());
        assertThat(browser.find(By.id("q-intent-yes")).isSelected()).isTrue();
        assertThat(browser.find(By.id("q-suicidalBehaviour-no")).isSelected()).isTrue();
        assertThat(browser.find(By.id("imminent")).isSelected()).isTrue();
        assertThat(new Select(browser.find(By.id("imminent-basis"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("INTENT_PLAN_AND_MEANS");
        assertThat(browser.find(By.id("notes")).getAttribute("value")).startsWith("Talked through tonight");
        assertThat(browser.find(By.id("plan-warningSigns")).getAttribute("value")).contains("Giving things away");
        assertThat(browser.find(By.id("problem-EMOTION")).isSelected()).isTrue();
        assertThat(browser.visible(By.cssSelector("[data-draft-notice]")).getText()).contains("已恢复");
        assertThat(level()).isEqualTo("高");
        browser.record("contact-form-restored", By.id("save-contact"));
    }

    @Test
    @Order(6)
    void savingRecordsImminentRiskOnceAndEndsWrapUp() {
        String sent = (String) browser.script(
                "return new URLSearchParams(new FormData(document.getElementById('contact-form'))).toString();");
        browser.find(By.id("save-contact")).click();
        WebElement level = browser.visible(By.id("saved-level"));
        assertThat(level.getText()).isEqualTo("紧急");
        String caseText = browser.find(By.id("saved-case")).getText();
        assertThat(caseText).contains("已建立风险个案");
        caseId = Long.parseLong(caseText.replaceAll("\\D+", " ").trim().split(" ")[0]);
        browser.record("contact-saved");

        // The same form again (a resend after a dropped connection): nothing more is recorded.
        Object status = browser.asyncScript("var done = arguments[arguments.length - 1];"
                + "fetch('/console/contacts/" + contactId + "', {method: 'POST', credentials: 'same-origin',"
                + " headers: {'Content-Type': 'application/x-www-form-urlencoded', 'X-Requested-With': 'JavaScript'},"
                + " body: arguments[0]}).then(function (r) { done(r.status); }, function () { done(-1); });", sent);
        assertThat(((Number) status).intValue()).isEqualTo(200);
        List<?> screenings = Hotline.as("counsellor1").get("/api/risk/cases/" + caseId).then().statusCode(200)
                .extract().path("screenings");
        assertThat(screenings).hasSize(1);
        Map<String, Object> saved = Hotline.as("counsellor1").get("/api/hotline/contacts/" + contactId).then()
                .statusCode(200).extract().path("form");
        assertThat(saved).containsEntry("highCrisis", true).containsEntry("repeatCaller", true);
        assertThat(saved.get("problems")).asList().containsExactly("EMOTION");
        Hotline.as("counsellor1").get("/api/risk/cases/" + caseId + "/safety-plan").then().statusCode(200);
    }

    /** A caller who hung up before an answer is on the line's callback list; "call back" rings the phone first. */
    @Test
    @Order(7)
    void callbacksRingTheCounsellorsPhoneFirstAndListEachAttempt() {
        call.hangUp();
        Hotline.awaitClosed(call.uniqueId());
        PeerCall abandoned = Hotline.call(CallScript.from("13911110515").to(QIAOXI_LINE)
                .hangsUpWhileReading(Duration.ofSeconds(2)));
        assertThat(abandoned.awaitEnd(Hotline.SOON)).isTrue();
        Hotline.awaitClosed(abandoned.uniqueId());
        Hotline.peer().phone("counselor1").answersAfter(Duration.ofSeconds(3), Duration.ofSeconds(30));
        Hotline.peer().phone("carrier").answersAfter(Duration.ofSeconds(3));
        long callbackId = (Long) io.greenribbon.hotline.Db.value("SELECT cb.id FROM hotline_callback cb JOIN hotline_contact c"
                + " ON c.id = cb.contact_id WHERE c.call_uniqueid = ?", abandoned.uniqueId());
        By row = By.id("callback-" + callbackId);
        browser.open("/console/callbacks");
        assertThat(browser.find(row).getText()).contains("接听前挂断").contains("待回拨").contains("尚未回拨");
        browser.record("callbacks-open");
        // The table refreshes itself every 5 s: a button replaced under the click is looked up again.
        browser.waitFor(d -> {
            d.findElement(By.cssSelector("#callback-" + callbackId + " button")).click();
            return true;
        });
        assertThat(browser.visible(By.id("dial-started")).getText()).contains("counselor1");
        // Reached: the callback leaves the list of those to call back, and shows among all with its attempt.
        browser.waitFor(d -> d.findElements(row).isEmpty() || d.findElement(row).getText().contains("来电者已接听"));
        browser.open("/console/callbacks?all=true");
        assertThat(browser.find(row).getText()).contains("已联系上").contains("来电者已接听").contains("counsellor1");
        browser.record("callbacks-reached");
    }

    /** Every screen in English: no Chinese left in its labels; audited on a desktop and a phone. */
    @Test
    @Order(8)
    void everyScreenInBothLanguages() {
        List<String[]> screens = List.of(new String[]{"desk", "/console/desk"},
                new String[]{"contacts", "/console/contacts"}, new String[]{"contact", "/console/contacts/" + contactId},
                new String[]{"callbacks", "/console/callbacks?all=true"}, new String[]{"week", "/console/week"});
        for (String[] screen : screens) {
            browser.open(screen[1]);
            browser.find(By.id("main"));
            assertThat(browser.lang()).isEqualTo("zh");
            browser.record(screen[0]);
        }
        browser.switchLanguage();
        for (String[] screen : screens) {
            browser.open(screen[1]);
            browser.find(By.id("main"));
            assertThat(browser.lang()).isEqualTo("en");
            String text = browser.labels();
            assertThat(HAN.matcher(text).find()).as(screen[0] + " in English, without Chinese text:\n" + text).isFalse();
            browser.record(screen[0]);
        }
        browser.open("/console/contacts");
        assertThat(browser.text()).contains("My contacts");
        browser.switchLanguage();
        assertThat(browser.lang()).isEqualTo("zh");
    }

    @Test
    @Order(9)
    void signingOutEndsTheKeycloakSessionToo() {
        browser.open("/console/desk");
        assertThat(KeycloakAdmin.sessions("counsellor1", "greenribbon-web")).as("the console's session").isPositive();
        browser.find(By.cssSelector("form[data-sign-out] button")).click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/signed-out"));
        assertThat(browser.text()).contains("您已退出登录");
        browser.record("signed-out");
        assertThat(KeycloakAdmin.sessions("counsellor1", "greenribbon-web")).isZero();
        browser.open("/console/desk");
        browser.visible(By.id("username"));
    }

    /** counsellor2 works in Xinhua: the call, its form and its case are nowhere on their screens. */
    @Test
    @Order(10)
    void aCounsellorOfAnotherCountyNeverSeesTheCase() {
        browser.onKeycloakLogin("counsellor2");
        browser.waitFor(d -> d.getCurrentUrl().startsWith(Browser.baseUrl()));
        browser.find(By.id("main"));
        assertThat(browser.find(By.id("call-title")).getText()).isEqualTo("当前没有来电");
        browser.open("/console/contacts");
        assertThat(browser.driver.findElements(By.cssSelector("a[href='/console/contacts/" + contactId + "']"))).isEmpty();
        browser.record("contacts-counsellor2");
        browser.open("/console/contacts/" + contactId);
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("未找到");
        assertThat(browser.text()).doesNotContain(String.valueOf(caseId)).doesNotContain("Talked through");
        browser.record("contact-of-another-county");
        browser.open("/console/callbacks?all=true");
        assertThat(browser.driver.findElements(By.cssSelector("#callback-table [href*='" + contactId + "']"))).isEmpty();
        Hotline.as("counsellor2").get("/api/risk/cases/" + caseId).then().statusCode(404);
        List<Integer> visible = Hotline.as("counsellor2").get("/api/risk/cases").then().statusCode(200).extract().path("id");
        assertThat(visible).doesNotContain((int) caseId);
    }

    /**
     * The same caller calls Xinhua's line while counsellor2 is available there: counsellor2's desk says only
     * that a restricted record exists, and offers to break the glass.
     */
    @Test
    @Order(11)
    void theCallerOnAnotherCountysLineShowsOnlyThatARestrictedRecordExists() {
        Hotline.signIn("counsellor1", "OFFLINE", null);
        Hotline.allowOnLine("counsellor2", "130105");
        browser.open("/console/desk");
        browser.find(By.id("go-available")).click();
        browser.waitFor(d -> "可接听".equals(d.findElement(By.id("presence-state")).getText()));
        browser.waitFor(d -> d.findElement(By.id("presence-pbx")).getText().contains("hl-130105"));
        Hotline.awaitMembers("PJSIP/counselor2", m -> !m.paused());

        Hotline.peer().phone("counselor2").answersAfter(Duration.ofSeconds(3));
        glassCall = Hotline.call(CallScript.from(CALLER).to(XINHUA_LINE).talksFor(Duration.ofMinutes(40)));
        Map<String, Object> contact = Hotline.awaitContact(glassCall.uniqueId(), c -> c.get("answered_at") != null);
        assertThat(contact.get("counsellor_username")).isEqualTo("counsellor2");
        glassContactId = (Long) contact.get("id");

        WebElement restricted = browser.visible(By.id("restricted-record"));
        assertThat(restricted.getText()).contains("受限记录").contains("破窗访问");
        assertThat(browser.find(By.id("call-line")).getText()).isEqualTo(XINHUA_LINE);
        String risk = browser.find(By.id("call-risk")).getText();
        assertThat(risk).doesNotContain("风险个案").doesNotContain("#" + caseId)
                .doesNotContain("Sister").doesNotContain("Giving things away");
        assertThat(browser.driver.findElements(By.cssSelector("#call-risk h3"))).as("no safety plan shown").isEmpty();
        browser.record("desk-restricted-record", By.id("glass-reason"), GLASS_SUBMIT);
    }

    /** Without a reason, or with too short a one, nothing opens: the desk says so next to the field, in words. */
    @Test
    @Order(12)
    void breakingTheGlassWithoutAReasonIsRefusedInWordsNextToTheField() {
        browser.find(GLASS_SUBMIT).click();
        WebElement error = browser.visible(By.id("glass-reason-error"));
        assertThat(error.getText()).isEqualTo("请说明理由（至少 10 个字）");
        assertThat(browser.find(By.id("glass-reason")).getAttribute("aria-describedby")).contains("glass-reason-error");

        browser.find(By.id("glass-reason")).sendKeys("情况紧急");
        String before = panelUpdatedAt();
        browser.find(GLASS_SUBMIT).click();
        browser.waitFor(d -> !panelUpdatedAt().equals(before));
        assertThat(browser.visible(By.id("glass-reason-error")).getText()).isEqualTo("请说明理由（至少 10 个字）");
        assertThat(browser.find(By.id("glass-reason")).getAttribute("value")).isEqualTo("情况紧急");
        assertThat(useOfCounsellor2()).as("no break-the-glass use recorded").isNull();
        browser.record("break-glass-reason-too-short", By.id("glass-reason"), GLASS_SUBMIT);
    }

    /**
     * A reason typed while the call panel refreshes itself (every 10 s on a live call, and on every live
     * message) is still there after the refresh.
     */
    @Test
    @Order(13)
    void aReasonBeingTypedSurvivesTheCallPanelRefreshing() {
        WebElement reason = browser.find(By.id("glass-reason"));
        reason.clear();
        reason.sendKeys(GLASS_REASON);
        String before = panelUpdatedAt();
        browser.script("document.body.dispatchEvent(new CustomEvent('live-reconnected', {bubbles: true}));");
        browser.waitFor(d -> !panelUpdatedAt().equals(before));
        assertThat(browser.find(By.id("glass-reason")).getAttribute("value")).isEqualTo(GLASS_REASON);
    }

    /** With a reason, the desk shows the case's safety plan and until when the glass stays open. */
    @Test
    @Order(14)
    void withAReasonTheSafetyPlanOpensUntilAStatedTime() {
        browser.find(GLASS_SUBMIT).click();
        WebElement plan = browser.visible(By.cssSelector("#call-risk h3"));
        assertThat(plan.getText()).isEqualTo("安全计划");
        String risk = browser.find(By.id("call-risk")).getText();
        assertThat(risk).contains("Not sleeping").contains("Giving things away").contains("Sister (lives nearby)");
        assertThat(browser.driver.findElements(By.id("glass-reason"))).as("the form is gone").isEmpty();
        assertThat(browser.driver.findElements(By.id("restricted-record"))).isEmpty();

        Map<String, Object> use = useOfCounsellor2();
        assertThat(use).as("counsellor2's use in the review queue").isNotNull();
        breakGlassId = ((Number) use.get("id")).longValue();
        Instant until = OffsetDateTime.parse((String) use.get("expiresAt")).toInstant();
        assertThat(Duration.between(OffsetDateTime.parse((String) use.get("grantedAt")).toInstant(), until))
                .isEqualTo(Duration.ofMinutes(30));
        String shown = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Asia/Shanghai")).format(until);
        assertThat(browser.find(By.id("glass-until")).getText())
                .isEqualTo("破窗访问有效至 " + shown + "（已记录，待督导复核）");
        browser.record("desk-glass-open");
        // The glass opens the safety plan only, never the case itself.
        Hotline.as("counsellor2").get("/api/risk/cases/" + caseId).then().statusCode(403);
    }

    /** The use waits in the supervisors' review queue with its reason, and the access log has the read. */
    @Test
    @Order(15)
    void theSupervisorsReviewTheUseAndTheAccessLogHasTheRead() {
        Map<String, Object> use = useOfCounsellor2();
        assertThat(use).as("the use in supervisor1's review queue").isNotNull()
                .containsEntry("id", (int) breakGlassId).containsEntry("caseId", (int) caseId).containsEntry("actor", "counsellor2")
                .containsEntry("actorDivision", "130105").containsEntry("contactId", (int) glassContactId)
                .containsEntry("reason", GLASS_REASON).containsEntry("reviewedAt", null).containsEntry("mayReview", true);

        JsonPath log = Hotline.as("supervisor1").queryParam("actor", "counsellor2").queryParam("limit", 100)
                .get("/api/audit/access").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> entries = log.getList("entries");
        assertThat(entries).as("counsellor2's break-the-glass in the access log").anySatisfy(e -> assertThat(e)
                .containsEntry("action", "risk.case.break-glass").containsEntry("outcome", "ALLOWED")
                .containsEntry("recordId", String.valueOf(caseId)));
        assertThat(entries).as("counsellor2's read of the safety plan, on the emergency ground").anySatisfy(e -> assertThat(e)
                .containsEntry("action", "risk.safety-plan.read").containsEntry("outcome", "ALLOWED")
                .containsEntry("purpose", "EMERGENCY_ACCESS"));
        glassCall.hangUp();
        Hotline.awaitClosed(glassCall.uniqueId());
    }

    private static String panelUpdatedAt() {
        return String.valueOf(browser.script("var p = document.getElementById('call-panel');"
                + " return p ? (p.dataset.updatedAt || '') : '';"));
    }

    /** counsellor2's break-the-glass use of the case in supervisor1's review queue, or null. */
    private static Map<String, Object> useOfCounsellor2() {
        return Hotline.as("supervisor1").get("/api/risk/break-glass").then().statusCode(200).extract().jsonPath()
                .getMap("find { it.caseId == " + caseId + " && it.actor == 'counsellor2' }");
    }

    private static void answer(String question, String value) {
        WebElement radio = browser.visible(By.id("q-" + question + "-" + value));
        radio.click();
        browser.waitFor(ExpectedConditions.elementSelectionStateToBe(By.id("q-" + question + "-" + value), true));
        // Each answer goes to the server, which sends back the questions asked now and the level.
        browser.waitFor(d -> Boolean.TRUE.equals(browser.script("return document.querySelector('.htmx-request') === null;")));
    }

    private static String level() {
        return browser.find(By.id("computed-level")).getText();
    }
}
