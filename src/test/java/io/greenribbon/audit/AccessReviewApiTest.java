package io.greenribbon.audit;

import io.greenribbon.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The access log's API as the access review uses it: a county official sees their county only (records
 * there, or accounts there), a city official narrows to a county; filters by kind of record, account and
 * period; pages that neither overlap nor skip; the CSV export (UTF-8 with a byte-order mark, the columns,
 * the reader's language, the same jurisdiction); and the chain's last verification with its head hash.
 */
@QuarkusTest
class AccessReviewApiTest {

    private static final OffsetDateTime NOON = OffsetDateTime.of(2026, 3, 10, 12, 0, 0, 0, ZoneOffset.ofHours(8));

    @Inject
    AuditLog log;

    /** One run's entries: a kind of record of its own, so that each test reads only what it wrote. */
    private record Run(String kind, String tag) {
        String actor(String who) {
            return who + "-" + tag;
        }
    }

    private static Run run() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return new Run("test_" + tag.replaceAll("[^a-z]", "x"), tag);
    }

    private void append(Run run, String actor, String actorDivision, String recordDivision, String id, Instant at) {
        log.append(new AuditEntry(at, run.actor(actor), "risk-supervisor", actorDivision, "test.read", run.kind(), id,
                recordDivision, "SUPERVISION", AuditEntry.Outcome.ALLOWED, null)).await().indefinitely();
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }

    private static List<String> ids(Response response) {
        return response.then().statusCode(200).extract().jsonPath().getList("entries.recordId", String.class);
    }

    @Test
    void aCountyOfficialSeesTheirCountyAndACityOfficialNarrowsToOne() {
        Run run = run();
        Instant at = NOON.toInstant();
        append(run, "qiaoxi", "130104", "130104", "q1", at);
        append(run, "qiaoxi", "130104", "130104001", "q2", at);
        append(run, "xinhua", "130105", "130105", "x1", at);
        // A Xinhua account reading a Qiaoxi record: in both counties' review (their record; their account).
        append(run, "xinhua", "130105", "130104", "cross", at);

        assertThat(ids(as("official2").queryParam("kind", run.kind()).get("/api/audit/access")))
                .containsExactly("cross", "x1");
        assertThat(ids(as("official1").queryParam("kind", run.kind()).get("/api/audit/access")))
                .containsExactly("cross", "x1", "q2", "q1");
        assertThat(ids(as("official1").queryParam("kind", run.kind()).queryParam("division", "130104")
                .get("/api/audit/access"))).containsExactly("cross", "q2", "q1");
        assertThat(ids(as("official1").queryParam("kind", run.kind()).queryParam("division", "130104001")
                .get("/api/audit/access"))).containsExactly("q2");
        // Qiaoxi is not official2's to ask for: refused as a problem naming the division, and audited.
        as("official2").queryParam("division", "130104").get("/api/audit/access").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        as("official2").queryParam("record", run.kind() + ":q1").get("/api/audit/access").then().statusCode(200)
                .body("entries", equalTo(List.of()));
        // A supervisor of Qiaoxi sees the same as Qiaoxi's records and accounts.
        assertThat(ids(as("supervisor1").queryParam("kind", run.kind()).get("/api/audit/access")))
                .containsExactly("cross", "q2", "q1");
    }

    @Test
    void filtersByAccountAndPeriodAndPagesWithoutOverlap() {
        Run run = run();
        for (int day = 0; day < 5; day++) {
            append(run, "qiaoxi", "130104", "130104", "d" + day, NOON.plusDays(day).toInstant());
        }
        append(run, "other", "130104", "130104", "o", NOON.toInstant());

        assertThat(ids(as("official1").queryParam("kind", run.kind()).queryParam("actor", run.actor("qiaoxi"))
                .get("/api/audit/access"))).containsExactly("d4", "d3", "d2", "d1", "d0");
        // From the start of 11 March to the start of 13 March, China Standard Time: the 11th and the 12th.
        assertThat(ids(as("official1").queryParam("kind", run.kind())
                .queryParam("from", "2026-03-11T00:00:00+08:00").queryParam("to", "2026-03-13T00:00:00+08:00")
                .get("/api/audit/access"))).containsExactly("d2", "d1");

        List<String> paged = new ArrayList<>();
        Long before = null;
        do {
            RequestSpecification request = as("official1").queryParam("kind", run.kind()).queryParam("limit", 2);
            if (before != null) {
                request.queryParam("before", before);
            }
            var page = request.get("/api/audit/access").then().statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("entries.recordId", String.class));
            before = page.getObject("before", Long.class);
        } while (before != null);
        assertThat(paged).containsExactly("o", "d4", "d3", "d2", "d1", "d0");
    }

    @Test
    void badFiltersNameTheirField() {
        as("official1").queryParam("kind", "Risk Case").get("/api/audit/access").then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        as("official1").queryParam("kind", "risk_case").queryParam("record", "risk_screening:4")
                .get("/api/audit/access").then().statusCode(400).body("errors[0].field", equalTo("kind"));
        as("official1").queryParam("division", "13-01").get("/api/audit/access").then().statusCode(400)
                .body("errors[0].field", equalTo("division"));
        as("official1").queryParam("division", "13-01").get("/api/audit/access/export").then().statusCode(400)
                .body("errors[0].field", equalTo("division"));
    }

    @Test
    void theExportIsUtf8CsvWithAByteOrderMarkInTheReadersLanguageAndJurisdiction() {
        Run run = run();
        append(run, "qiaoxi", "130104", "130104", "q1", NOON.toInstant());
        append(run, "xinhua", "130105", "130105", "x1", NOON.plusMinutes(1).toInstant());
        log.append(new AuditEntry(NOON.plusMinutes(2).toInstant(), run.actor("xinhua"), "risk-supervisor", "130105",
                "test.read", run.kind(), "x2", "130105", "SUPERVISION", AuditEntry.Outcome.DENIED,
                "=cmd|' /C calc'!A0,\"quoted\"")).await().indefinitely();

        Response zh = as("official2").queryParam("kind", run.kind()).get("/api/audit/access/export");
        zh.then().statusCode(200).contentType(startsWith("text/csv")).header("Content-Disposition",
                startsWith("attachment; filename=\"access-log-"));
        byte[] bytes = zh.asByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = List.of(new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("序号,时间（Asia/Shanghai）,账号,角色,账号所属区划,操作,记录类型,记录编号,记录所属区划,目的,结果,说明");
        assertThat(lines).hasSize(3);
        // Newest first; a value a spreadsheet would run as a formula is text; quotes and commas are quoted.
        assertThat(lines.get(1)).matches("\\d+,2026-03-10 12:02:00," + run.actor("xinhua") + ",risk-supervisor,130105,"
                + "test\\.read," + run.kind() + ",x2,130105,SUPERVISION,DENIED,\"'=cmd\\|' /C calc'!A0,\"\"quoted\"\"\"");
        assertThat(lines.get(2)).matches("\\d+,2026-03-10 12:01:00," + run.actor("xinhua") + ",risk-supervisor,130105,"
                + "test\\.read," + run.kind() + ",x1,130105,SUPERVISION,ALLOWED,");
        assertThat(String.join("\n", lines)).doesNotContain("q1");

        String en = new String(as("official1").header("Accept-Language", "en").queryParam("kind", run.kind())
                .get("/api/audit/access/export").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(en).startsWith("\uFEFFEntry,Time (Asia/Shanghai),Account,Roles,Account's division,Action,Kind of record,"
                + "Record id,Record's division,Purpose,Outcome,Detail\r\n").contains(",q1,");
        // The export itself is in the log.
        as("official2").queryParam("kind", "audit_log").queryParam("actor", "official2").get("/api/audit/access")
                .then().statusCode(200).body("entries.find { it.action == 'audit.export' }.detail",
                        org.hamcrest.Matchers.containsString("record=" + run.kind() + ";"));
    }

    @Test
    void theChainShowsItsLastVerificationAndTheHeadHashToRecord() {
        AuditVerifier.Result verified = as("official1").get("/api/audit/verify").then().statusCode(200)
                .extract().as(AuditVerifier.Result.class);
        assertThat(verified.intact()).isTrue();
        var status = as("official2").get("/api/audit/chain").then().statusCode(200).extract().jsonPath();
        assertThat(status.getLong("last.headSeq")).isGreaterThanOrEqualTo(verified.headSeq());
        if (status.getLong("last.headSeq") == verified.headSeq()) {
            assertThat(status.getString("last.headHash")).isEqualTo(verified.headHash());
            assertThat(status.getString("last.verifiedBy")).isEqualTo("official1");
        }
        assertThat(status.getBoolean("last.intact")).isTrue();
        assertThat(status.getLong("last.entries")).isEqualTo(status.getLong("last.headSeq"));
        assertThat(status.getLong("headSeq")).isGreaterThanOrEqualTo(status.getLong("last.headSeq"));
        assertThat(status.getLong("appendedSince")).isEqualTo(status.getLong("headSeq") - status.getLong("last.headSeq"));
        as("counsellor1").get("/api/audit/chain").then().statusCode(403);
        as("admin1").get("/api/audit/chain").then().statusCode(200);
    }

}
