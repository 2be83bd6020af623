package io.greenribbon.web;

import io.greenribbon.hotline.Hotline;
import io.greenribbon.risk.HotlineCalls;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access review in a real browser. A restricted read happens first: counsellor1 opens a case in Qiaoxi on
 * a call, supervisor1 opens the case, counsellor3 (another Qiaoxi counsellor) breaks the glass to its safety
 * plan on a call from the same caller. official1 (the city's health official) finds the access review in
 * the navigation, filters the log to supervisor1's reads of risk cases and sees who opened which case, when
 * and why (no caller's number anywhere); sees the break-the-glass use awaiting review (state only: no
 * reason, no form); verifies the audit chain and reads its head hash (the same the API names); downloads the
 * log as CSV (UTF-8 with a byte-order mark). supervisor1 reviews the use on the same page with a comment;
 * official1 then sees who reviewed it and the verdict, not the comment. official2 (Xinhua) sees none of
 * Qiaoxi's entries and cannot ask for them. Every screen in both languages, audited on a desktop and a phone.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessReviewConsoleTest {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final String REASON = "The caller asks what their safety plan says tonight.";
    private static final String COMMENT = "Justified: the caller was in distress and asked for the plan.";

    static Browser official;
    static Browser supervisor;
    static HotlineCalls calls;
    static String number;
    static long contact;
    static long caseId;
    static long use;
    static long caseRead;

    @BeforeAll
    static void start() {
        calls = Arc.container().instance(HotlineCalls.class).get();
        official = new Browser("AccessReviewConsoleTest");
        supervisor = new Browser("AccessReviewConsoleTest");
    }

    @AfterAll
    static void stop() {
        try {
            official.close();
            supervisor.close();
        } finally {
            if (contact > 0) {
                calls.hangUp(contact);
            }
        }
    }

    @Test
    @Order(1)
    void aSupervisorOpensACaseAndACounsellorBreaksTheGlass() {
        number = HotlineCalls.newNumber();
        contact = calls.answered("counsellor1", number);
        caseId = Hotline.as("counsellor1").body(Map.of("contactId", contact, "answers", planAndIntent()))
                .post("/api/risk/screenings").then().statusCode(201).extract().jsonPath().getLong("caseId");
        Hotline.as("supervisor1").get("/api/risk/cases/" + caseId).then().statusCode(200);
        long live = calls.answered("counsellor3", number);
        try {
            use = Hotline.as("counsellor3").body(Map.of("reason", REASON)).post("/api/risk/cases/" + caseId + "/break-glass")
                    .then().statusCode(201).extract().jsonPath().getLong("id");
        } finally {
            calls.hangUp(live);
        }
        JsonPath reads = Hotline.as("official1").queryParam("record", "risk_case:" + caseId).queryParam("actor", "supervisor1")
                .get("/api/audit/access").then().statusCode(200).extract().jsonPath();
        caseRead = reads.getLong("entries.find { it.action == 'risk.case.read' }.seq");
    }

    @Test
    @Order(2)
    void theOfficialFiltersTheLogToTheSupervisorsReadOfTheCase() {
        official.signIn("official1", "/console");
        WebElement entry = official.find(By.cssSelector(".main-nav a[href='/console/access-review']"));
        assertThat(entry.getText()).isEqualTo("访问审查");
        entry.click();
        official.waitFor(d -> d.getCurrentUrl().endsWith("/console/access-review"));
        assertThat(official.find(By.tagName("h1")).getText()).isEqualTo("访问审查");

        new Select(official.find(By.id("kind"))).selectByValue("risk_case");
        official.find(By.id("actor")).sendKeys("supervisor1");
        new Select(official.find(By.id("division"))).selectByValue("130104");
        official.find(By.id("apply-filters")).click();
        official.waitFor(d -> d.getCurrentUrl().contains("actor=supervisor1"));
        String row = official.find(By.id("entry-" + caseRead)).getText();
        assertThat(row).contains("supervisor1", "风险督导", "打开个案", "风险个案 #" + caseId, "130104", "督导", "允许");
        assertThat(official.text()).doesNotContain(number).doesNotContain(number.substring(3));
        assertThat(official.driver.findElements(By.cssSelector("#access-log tbody tr"))).allSatisfy(r ->
                assertThat(r.getText()).contains("supervisor1", "风险个案"));
        official.record("log-filtered", By.id("apply-filters"), By.id("export-csv"));
    }

    @Test
    @Order(3)
    void theBreakGlassUseAwaitsReviewAndTheOfficialSeesItsStateOnly() {
        official.open("/console/access-review");
        WebElement waiting = official.find(By.id("use-" + use));
        assertThat(waiting.getText()).contains("counsellor3", "个案 #" + caseId, "待复核");
        assertThat(official.text()).doesNotContain(REASON);
        assertThat(official.driver.findElements(By.id("review-form-" + use))).as("officials see, supervisors review").isEmpty();
        assertThat(official.driver.findElements(By.cssSelector("#use-" + use + " a[href^='/console/cases/']"))).isEmpty();
    }

    @Test
    @Order(4)
    void theOfficialVerifiesTheChainAndReadsItsHeadHash() {
        WebElement before = official.find(By.id("chain"));
        official.find(By.id("verify-chain")).click();
        official.waitFor(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(before));
        official.waitFor(d -> d.findElement(By.id("chain-when")).getText().contains("official1"));
        assertThat(official.find(By.id("chain-state")).getText()).isEqualTo("完整");
        String hash = official.find(By.id("head-hash")).getText();
        assertThat(hash).matches("[0-9a-f]{64}");
        JsonPath chain = Hotline.as("official1").get("/api/audit/chain").then().statusCode(200).extract().jsonPath();
        assertThat(chain.getString("last.headHash")).isEqualTo(hash);
        assertThat(official.find(By.id("chain-verified")).getText())
                .contains("第 1 至 " + chain.getLong("last.entries") + " 条");
        assertThat(official.driver.findElements(By.id("chain-break"))).isEmpty();
        official.record("chain-verified", By.id("verify-chain"));
    }

    @Test
    @Order(5)
    void theOfficialDownloadsTheLogAsCsv() {
        official.open("/console/access-review?kind=risk_case&actor=supervisor1");
        String href = official.find(By.id("export-csv")).getAttribute("href");
        assertThat(href).contains("/console/access-review/export.csv?").contains("kind=risk_case").contains("actor=supervisor1");
        @SuppressWarnings("unchecked")
        Map<String, Object> file = (Map<String, Object>) official.asyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(function (r) {
                  return r.arrayBuffer().then(function (b) {
                    var bytes = new Uint8Array(b);
                    done({status: r.status, type: r.headers.get('Content-Type'),
                          disposition: r.headers.get('Content-Disposition'),
                          head: [bytes[0], bytes[1], bytes[2]], text: new TextDecoder('utf-8', {ignoreBOM: true}).decode(b)});
                  });
                });""", href);
        assertThat(((Number) file.get("status")).intValue()).isEqualTo(200);
        assertThat((String) file.get("type")).startsWith("text/csv").contains("UTF-8");
        assertThat((String) file.get("disposition")).startsWith("attachment; filename=\"access-log-");
        assertThat(((List<?>) file.get("head")).stream().map(b -> ((Number) b).intValue()).toList())
                .containsExactly(0xEF, 0xBB, 0xBF);
        String[] lines = ((String) file.get("text")).substring(1).split("\r\n");
        assertThat(lines[0]).isEqualTo("序号,时间（Asia/Shanghai）,账号,角色,账号所属区划,操作,记录类型,记录编号,记录所属区划,目的,结果,说明");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(caseRead + ",")
                .contains(",supervisor1,risk-supervisor,130104,risk.case.read,risk_case," + caseId + ",130104,SUPERVISION,ALLOWED"));
        assertThat(String.join("\n", lines)).doesNotContain(number);
    }

    @Test
    @Order(6)
    void aSupervisorReviewsTheUseWithACommentAndTheOfficialSeesWhoReviewedIt() {
        supervisor.signIn("supervisor1", "/console/access-review");
        WebElement waiting = supervisor.find(By.id("use-" + use));
        assertThat(waiting.getText()).contains(REASON);
        supervisor.record("glass-supervisor", By.id("justified-" + use), By.id("glass-comment-" + use));
        supervisor.find(By.id("glass-comment-" + use)).sendKeys(COMMENT);
        supervisor.find(By.id("justified-" + use)).click();
        supervisor.waitFor(d -> !d.findElements(By.id("reviewed-" + use)).isEmpty()
                && d.findElements(By.id("use-" + use)).isEmpty());
        assertThat(supervisor.find(By.id("reviewed-" + use + "-comment")).getText()).isEqualTo(COMMENT);
        assertThat(supervisor.find(By.id("reviewed-" + use + "-by")).getText()).isEqualTo("supervisor1");

        official.open("/console/access-review");
        assertThat(official.driver.findElements(By.id("use-" + use))).isEmpty();
        assertThat(official.find(By.id("reviewed-" + use + "-by")).getText()).isEqualTo("supervisor1");
        assertThat(official.find(By.id("reviewed-" + use + "-verdict")).getText()).isEqualTo("理由充分");
        assertThat(official.driver.findElements(By.id("reviewed-" + use + "-comment"))).isEmpty();
        assertThat(official.text()).doesNotContain(COMMENT).doesNotContain(REASON);
        official.record("glass-reviewed", By.id("export-csv"));
    }

    @Test
    @Order(7)
    void theAccessReviewReadsInEnglishToo() {
        official.open("/console/access-review?kind=risk_case&actor=supervisor1");
        official.switchLanguage();
        official.open("/console/access-review?kind=risk_case&actor=supervisor1");
        assertThat(official.lang()).isEqualTo("en");
        String text = official.labels();
        assertThat(HAN.matcher(text).find()).as("the access review in English, without Chinese text:\n" + text).isFalse();
        assertThat(official.find(By.id("entry-" + caseRead)).getText()).contains("Opened a case", "Risk case #" + caseId,
                "Risk supervisor", "Supervision", "Allowed");
        assertThat(official.find(By.id("reviewed-" + use + "-verdict")).getText()).isEqualTo("Justified");
        assertThat(official.find(By.id("chain-state")).getText()).isEqualTo("Intact");
        official.record("log-filtered", By.id("apply-filters"), By.id("export-csv"));
        official.open("/console/access-review");
        official.record("access-review", By.id("verify-chain"));
        official.switchLanguage();
        assertThat(official.lang()).isEqualTo("zh");
        official.record("access-review", By.id("verify-chain"));
    }

    @Test
    @Order(8)
    void xinhuasOfficialSeesNoneOfQiaoxisEntries() {
        official.find(By.cssSelector("form[data-sign-out] button")).click();
        official.waitFor(d -> d.getCurrentUrl().endsWith("/signed-out"));
        official.signIn("official2", "/console/access-review");
        // Reading the log is itself recorded: shown again, the log holds at least official2's own first look
        // (whatever other tests of the run did in Xinhua).
        official.find(By.id("main"));
        official.open("/console/access-review");
        official.find(By.id("access-log"));
        assertThat(official.driver.findElements(By.id("entry-" + caseRead))).isEmpty();
        assertThat(official.driver.findElements(By.id("use-" + use))).isEmpty();
        assertThat(official.driver.findElements(By.id("reviewed-" + use))).isEmpty();
        assertThat(official.driver.findElements(By.cssSelector("#division option[value='130104']"))).isEmpty();
        // Each entry is Xinhua's: about a record of Xinhua, or by an account of Xinhua (wherever its record lies).
        for (WebElement row : official.driver.findElements(By.cssSelector("#access-log tbody tr"))) {
            assertThat(row.getText()).contains("130105");
        }
        official.record("official2");

        official.open("/console/access-review?kind=risk_case&actor=supervisor1");
        assertThat(official.driver.findElements(By.cssSelector("#access-log tbody tr"))).isEmpty();
        official.find(By.id("log-none"));
        official.open("/console/access-review?division=130104");
        assertThat(official.find(By.tagName("h1")).getText()).isEqualTo("超出管辖范围");
        official.record("official2-qiaoxi-refused");
    }

    private static Map<String, Object> planAndIntent() {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("wishedDead", true);
        answers.put("suicidalThoughts", true);
        answers.put("thoughtOfMethod", true);
        answers.put("intent", true);
        answers.put("planAndIntent", true);
        answers.put("suicidalBehaviour", false);
        return answers;
    }
}
