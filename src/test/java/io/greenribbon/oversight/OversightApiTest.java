package io.greenribbon.oversight;

import io.greenribbon.risk.HotlineCalls;
import io.greenribbon.rooms.RoomFixtures;
import io.greenribbon.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The oversight API against known data: room sessions, risk cases and calls of Jingxing county (130121), which no
 * other test touches, each figure checked against what was made (the change it makes where the county may hold
 * earlier tests' records); small counts below county level hidden, subtraction attacks on the API's own tables
 * (row total, parent minus the other children, a township's table against the county's, a period against its
 * sub-period); jurisdiction; the CSV (byte order mark, header in the reader's language).
 */
@QuarkusTest
class OversightApiTest {

    private static final String COUNTY = "130121";
    private static final YearMonth MONTH = YearMonth.now(RoomFixtures.ZONE);
    private static final String FROM = MONTH.atDay(1).toString();
    private static final String TO = MONTH.plusMonths(1).atDay(1).toString();

    @Inject
    HotlineCalls calls;

    private static boolean roomsMade;
    private static List<String> townships;

    /**
     * Three rooms, one in a village of each of three townships, and their sessions: this month 2 in the first
     * township (completed), 8 in the second (5 completed, 2 no-shows, 1 cancelled), 10 in the third (completed);
     * last month 7, 9 and 8 completed.
     */
    private static synchronized void rooms() {
        if (roomsMade) {
            return;
        }
        // Three townships of the county of their own, with a village each (the demo city has few outside Qiaoxi).
        List<String> villages = new ArrayList<>();
        townships = new ArrayList<>();
        for (int t = 1; t <= 3; t++) {
            String township = COUNTY + "9" + String.format("%02d", t);
            RoomFixtures.execute("INSERT INTO division (code, name, name_en) VALUES (?, ?, ?) ON CONFLICT (code) DO NOTHING",
                    township, "测试镇" + t, "Test Town " + t);
            RoomFixtures.execute("INSERT INTO division (code, name, name_en) VALUES (?, ?, ?) ON CONFLICT (code) DO NOTHING",
                    township + "001", "测试村" + t, "Test Village " + t);
            townships.add(township);
            villages.add(township + "001");
        }
        long counsellor = RoomFixtures.counsellor(COUNTY);
        int[][] thisMonth = {{2, 0, 0}, {5, 2, 1}, {10, 0, 0}};
        int[] lastMonth = {7, 9, 8};
        for (int t = 0; t < 3; t++) {
            long room = RoomFixtures.room(villages.get(t));
            List<Long> clients = RoomFixtures.clients(villages.get(t), 40);
            int k = 0;
            for (int status = 0; status < 3; status++) {
                for (int i = 0; i < thisMonth[t][status]; i++, k++) {
                    session(room, counsellor, clients.get(k), MONTH.atDay(1), t, k, new String[]{"COMPLETED", "NO_SHOW", "CANCELLED"}[status]);
                }
            }
            for (int i = 0; i < lastMonth[t]; i++, k++) {
                session(room, counsellor, clients.get(k), MONTH.minusMonths(1).atDay(1), t, k, "COMPLETED");
            }
        }
        roomsMade = true;
    }

    /** A 50-minute session on the {@code k}th hour of a day of the month, in a slot of its own for township t. */
    private static void session(long room, long counsellor, long client, LocalDate month, int t, int k, String status) {
        LocalDate day = month.plusDays(k / 4);
        OffsetDateTime start = RoomFixtures.at(day, String.format("%02d:%02d", 6 + (k % 4) * 4 + t, 0));
        long id = RoomFixtures.bookedNow(room, counsellor, client, start, start.plusMinutes(50));
        switch (status) {
            case "COMPLETED" -> RoomFixtures.execute("UPDATE booking SET status = 'COMPLETED', checked_in_at = starts_at, "
                    + "completed_at = ends_at WHERE id = ?", id);
            case "NO_SHOW" -> RoomFixtures.execute("UPDATE booking SET status = 'NO_SHOW', no_show_at = starts_at WHERE id = ?", id);
            default -> RoomFixtures.execute("UPDATE booking SET status = 'CANCELLED', cancelled_at = starts_at, "
                    + "cancelled_by = 'test', cancel_reason = 'test' WHERE id = ?", id);
        }
    }

    @Test
    void roomSessionsOfACountyShowTheKnownCountsAndHideTheSmallOnesAgainstSubtraction() {
        rooms();
        JsonPath county = get("official1", "/api/oversight/rooms", COUNTY, FROM, TO).then().statusCode(200)
                .extract().jsonPath();
        Table table = Table.of(county, "sessionsByDivision");
        assertThat(table.columns).containsExactly("completed", "noShow", "cancelled", "pending", "booked");
        assertThat(table.shown(COUNTY)).containsExactly("17", "2", "1", "0", "20");
        assertThat(table.shown(townships.get(0)).get(4)).isEqualTo("<5");
        assertThat(table.shown(townships.get(0)).get(0)).isEqualTo("<5");
        // Shown counts are the true ones.
        Map<String, long[]> truth = Map.of(townships.get(0), new long[]{2, 0, 0, 0, 2},
                townships.get(1), new long[]{5, 2, 1, 0, 8}, townships.get(2), new long[]{10, 0, 0, 0, 10});
        truth.forEach((code, counts) -> {
            for (int c = 0; c < counts.length; c++) {
                String shown = table.shown(code).get(c);
                assertThat(shown).as("%s column %d", code, c).isIn(Long.toString(counts[c]), "<5");
            }
        });
        // A row total minus the shown cells, and the county minus the other townships: never one hidden cell alone.
        table.assertNoLoneHiddenCell(COUNTY);

        // The township's own table of villages hides its total as the county's table does.
        for (String township : townships) {
            JsonPath own = get("official1", "/api/oversight/rooms", township, FROM, TO).then().statusCode(200)
                    .extract().jsonPath();
            Table villages = Table.of(own, "sessionsByDivision");
            assertThat(villages.shown(township)).as(township).isEqualTo(table.shown(township));
            villages.assertNoLoneHiddenCell(township);
        }

        // Last month alone shows the first township's 7; this month and last together must not show its 9.
        String lastFrom = MONTH.minusMonths(1).atDay(1).toString();
        Table last = Table.of(get("official1", "/api/oversight/rooms", COUNTY, lastFrom, FROM).then().statusCode(200)
                .extract().jsonPath(), "sessionsByDivision");
        assertThat(last.shown(townships.get(0)).get(4)).isEqualTo("7");
        Table both = Table.of(get("official1", "/api/oversight/rooms", COUNTY, lastFrom, TO).then().statusCode(200)
                .extract().jsonPath(), "sessionsByDivision");
        assertThat(both.shown(COUNTY).get(4)).isEqualTo("44");
        assertThat(both.shown(townships.get(0)).get(4)).isEqualTo("<5");
        both.assertNoLoneHiddenCell(COUNTY);

        // Utilisation: three rooms open 06:00-22:00 every day; sessions not cancelled, 50 minutes each.
        Table use = Table.of(county, "utilisation");
        double openHours = 3 * 16.0 * MONTH.lengthOfMonth();
        double bookedSeconds = 19 * 50 * 60;
        assertThat(use.values(COUNTY)).containsExactly(openHours, Math.round(bookedSeconds / 360) / 10.0,
                Math.round(bookedSeconds / (openHours * 3600) * 10000) / 10000.0);
    }

    private static List<String> townships() {
        rooms();
        return townships;
    }

    @Test
    void belowCountyLevelOnlyWholeMonthsAreCountedAndBadParametersAreNamed() {
        problemField(get("official1", "/api/oversight/rooms", townships().get(1), MONTH.atDay(2).toString(), TO), "from");
        problemField(get("official1", "/api/oversight/risk", townships().get(1), FROM, MONTH.atDay(20).toString()), "to");
        // A county's own counts come for any days, without its townships.
        Table county = Table.of(get("official1", "/api/oversight/rooms", COUNTY, MONTH.atDay(1).toString(),
                MONTH.atDay(11).toString()).then().statusCode(200).extract().jsonPath(), "sessionsByDivision");
        assertThat(county.shownByKey().keySet()).containsExactly(COUNTY);
        assertThat(county.shown(COUNTY)).containsExactly("17", "2", "1", "0", "20");
        problemField(get("official1", "/api/oversight/hotline", COUNTY, "yesterday", null), "from");
        problemField(get("official1", "/api/oversight/hotline", COUNTY, TO, FROM), "to");
        problemField(given().auth().oauth2(Tokens.of("official1")).queryParam("month", "2026-13")
                .when().get("/api/oversight/reports/monthly"), "month");
        problemField(given().auth().oauth2(Tokens.of("official1")).queryParam("division", "13012")
                .when().get("/api/oversight/risk"), "division");
        // A county level period of any days is fine.
        get("official1", "/api/oversight/hotline", COUNTY, MONTH.atDay(1).toString(), MONTH.atDay(2).toString())
                .then().statusCode(200);
    }

    @Test
    void anOfficialReadsTheirOwnJurisdictionOnly() {
        // official2 is Xinhua's (130105): not Qiaoxi (130104), not the city.
        for (String area : List.of("hotline", "risk", "rooms", "workforce")) {
            Response refused = get("official2", "/api/oversight/" + area, "130104", FROM, TO);
            assertThat(refused.statusCode()).as(area).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.jsonPath().getString("type")).isEqualTo("urn:greenribbon:problem:out-of-jurisdiction");
            get("official2", "/api/oversight/" + area, null, FROM, TO).then().statusCode(200);
        }
        assertThat(get("official2", "/api/oversight/rooms", "1301", FROM, TO).statusCode()).isEqualTo(403);
        assertThat(given().auth().oauth2(Tokens.of("official2")).queryParam("division", "130104")
                .when().get("/api/oversight/reports/monthly.csv").statusCode()).isEqualTo(403);
        assertThat(given().auth().oauth2(Tokens.of("official2")).queryParam("division", "130104")
                .when().get("/api/oversight/rooms/tables/utilisation").statusCode()).isEqualTo(403);
        // Roles without oversight: a counsellor, a supervisor, an admin.
        for (String account : List.of("counsellor1", "supervisor1", "admin1")) {
            assertThat(get(account, "/api/oversight/hotline", null, FROM, TO).statusCode()).as(account).isEqualTo(403);
        }
        // Without naming a division, official2 reads Xinhua.
        assertThat(get("official2", "/api/oversight/hotline", null, FROM, TO).jsonPath().getString("division"))
                .isEqualTo("130105");
        // A code naming no division.
        assertThat(get("official1", "/api/oversight/hotline", "130199", FROM, TO).statusCode()).isEqualTo(404);
    }

    @Test
    void riskFiguresCountTheCasesOpenedAcknowledgedAndAuditTheRead() {
        JsonPath before = get("official1", "/api/oversight/risk", COUNTY, FROM, TO).then().statusCode(200).extract().jsonPath();
        long audited = RoomFixtures.count("SELECT count(*) FROM audit_entry WHERE actor = 'official1' AND action = 'risk.figures.read'");
        long high1 = openCase(false);
        openCase(false);
        openCase(true);
        given().auth().oauth2(Tokens.of("clinicallead1")).contentType("application/json")
                .when().post("/api/risk/cases/" + high1 + "/acknowledge").then().statusCode(200);
        JsonPath after = get("official1", "/api/oversight/risk", COUNTY, FROM, TO).then().statusCode(200).extract().jsonPath();
        assertThat(delta(before, after, "summary.casesOpenedByLevel.HIGH")).isEqualTo(2);
        assertThat(delta(before, after, "summary.casesOpenedByLevel.IMMINENT")).isEqualTo(1);
        assertThat(delta(before, after, "summary.casesOpened")).isEqualTo(3);
        assertThat(delta(before, after, "summary.screeningsByLevel.HIGH")).isEqualTo(2);
        assertThat(delta(before, after, "summary.screeningsByLevel.IMMINENT")).isEqualTo(1);
        assertThat(delta(before, after, "summary.acknowledged")).isEqualTo(1);
        assertThat(delta(before, after, "summary.imminent")).isEqualTo(1);
        assertThat(delta(before, after, "summary.openNow")).isEqualTo(3);
        assertThat(after.getDouble("summary.medianSecondsToAcknowledge")).isGreaterThanOrEqualTo(0);
        assertThat(after.getLong("summary.acknowledged")).isLessThanOrEqualTo(after.getLong("summary.casesOpened"));
        assertThat(after.getLong("summary.imminentReached")).isLessThanOrEqualTo(after.getLong("summary.imminentReferred"));
        Map<String, Object> caseload = after.getMap("summary.caseloadDistribution");
        assertThat(caseload.keySet()).containsExactly("1", "2", "3-5", "6-10", "11-20", "21+");
        assertThat(caseload.toString()).doesNotContain("counsellor");
        // The cases are filed at the county (their line's division): the county's own row, shown (not small-area).
        Table table = Table.of(after, "casesOpenedByDivision");
        assertThat(table.shown(COUNTY).get(3)).isEqualTo(Long.toString(after.getLong("summary.casesOpened")));
        // Each read of risk figures is in the access log.
        assertThat(RoomFixtures.count("SELECT count(*) FROM audit_entry WHERE actor = 'official1' AND action = 'risk.figures.read'"))
                .isEqualTo(audited + 1);
    }

    @Test
    void theMonthlyReportCountsTheCallsAndTheirFormsAndComesAsCsvInTheReadersLanguage() {
        Map<String, String> before = reportRows("zh");
        long answered = calls.answered("counsellor1", "130104", COUNTY, HotlineCalls.newNumber());
        long other = calls.answered("counsellor1", "130104", COUNTY, HotlineCalls.newNumber());
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("problems", List.of("EMOTION", "FAMILY"));
        form.put("highCrisis", true);
        form.put("difficult", true);
        form.put("repeatCaller", true);
        form.put("callbackRequested", true);
        given().auth().oauth2(Tokens.of("counsellor1")).contentType("application/json").body(form)
                .when().patch("/api/hotline/contacts/" + answered).then().statusCode(200);
        calls.hangUp(answered);
        calls.hangUp(other);
        Map<String, String> after = reportRows("zh");
        assertThat(diff(before, after, "来电总数")).isEqualTo(2);
        assertThat(diff(before, after, "咨询员接听")).isEqualTo(2);
        assertThat(diff(before, after, "本地接听来电")).isEqualTo(2);
        assertThat(diff(before, after, "已填写咨询记录")).isEqualTo(1);
        assertThat(diff(before, after, "高度危机来电")).isEqualTo(1);
        assertThat(diff(before, after, "困难来电")).isEqualTo(1);
        assertThat(diff(before, after, "反复来电")).isEqualTo(1);
        assertThat(diff(before, after, "问题类别：情绪")).isEqualTo(1);
        assertThat(diff(before, after, "问题类别：家庭")).isEqualTo(1);
        assertThat(diff(before, after, "问题类别：健康")).isZero();
        assertThat(diff(before, after, "需回拨来电")).isEqualTo(1);
        double rate = Double.parseDouble(after.get("接通率"));
        assertThat(rate).isBetween(0.0, 1.0);

        byte[] en = csv("/api/oversight/reports/monthly.csv", "en", Map.of("division", COUNTY, "month", MONTH.toString()));
        String text = new String(en, StandardCharsets.UTF_8);
        assertThat(text.lines().findFirst().orElseThrow()).isEqualTo("\uFEFFDivision code,Division,Month,Figure,Value");
        assertThat(text).contains(COUNTY + ",Jingxing County," + MONTH + ",Answer rate,");
    }

    @Test
    void everyFigureTableComesAsCsvWithAByteOrderMarkAndChineseHeaders() {
        rooms();
        byte[] body = csv("/api/oversight/rooms/tables/sessionsByDivision", "zh",
                Map.of("division", COUNTY, "from", FROM, "to", TO));
        assertThat(body[0]).isEqualTo((byte) 0xEF);
        assertThat(body[1]).isEqualTo((byte) 0xBB);
        assertThat(body[2]).isEqualTo((byte) 0xBF);
        List<String> lines = new String(body, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines.get(0)).isEqualTo("代码,名称,已完成,未到,已取消,待进行,预约合计");
        assertThat(lines).anyMatch(l -> l.startsWith(townships.get(0) + ",") && l.endsWith(",<5"));
        assertThat(lines).anyMatch(l -> l.startsWith(COUNTY + ",井陉县,17,2,1,0,20"));
        for (String area : List.of("hotline/tables/byHourOfDay", "risk/tables/casesOpenedByDivision", "rooms/tables/utilisation",
                "workforce/tables/pool", "workforce/tables/coverageGaps", "hotline/tables/byDay")) {
            byte[] b = csv("/api/oversight/" + area, "en", Map.of("division", COUNTY, "from", FROM, "to", TO));
            assertThat(new String(b, StandardCharsets.UTF_8)).as(area).startsWith("\uFEFFCode,Name,");
        }
        problemField(given().auth().oauth2(Tokens.of("official1")).queryParam("division", COUNTY)
                .when().get("/api/oversight/rooms/tables/nothing"), "table");
        assertThat(given().auth().oauth2(Tokens.of("official1")).when().get("/api/oversight/weather/tables/pool")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void theWorkforceTableCountsThePoolOfTheCountyByKind() {
        JsonPath before = get("official1", "/api/oversight/workforce", COUNTY, FROM, TO).then().statusCode(200).extract().jsonPath();
        long added = RoomFixtures.counsellors(COUNTY, "ACTIVE", 3).size();
        RoomFixtures.counsellors(COUNTY, "LEFT", 1);
        JsonPath after = get("official1", "/api/oversight/workforce", COUNTY, FROM, TO).then().statusCode(200).extract().jsonPath();
        List<Number> b = Table.of(before, "pool").values(COUNTY);
        assertThat(b).hasSize(7);
        List<Number> a = Table.of(after, "pool").values(COUNTY);
        assertThat(a.get(0).longValue() - b.get(0).longValue()).isEqualTo(added);
        assertThat(a.get(3).longValue() - b.get(3).longValue()).isEqualTo(added);
        assertThat(a.get(4).longValue()).isLessThanOrEqualTo(a.get(3).longValue());
        Number share = a.get(5);
        if (share != null) {
            assertThat(share.doubleValue()).isBetween(0.0, 1.0);
        }
    }

    // --- helpers

    private long openCase(boolean imminent) {
        long contact = calls.answered("counsellor1", "130104", COUNTY, HotlineCalls.newNumber());
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("wishedDead", true);
        answers.put("suicidalThoughts", true);
        answers.put("thoughtOfMethod", true);
        answers.put("intent", true);
        answers.put("planAndIntent", false);
        answers.put("suicidalBehaviour", false);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contactId", contact);
        body.put("answers", answers);
        body.put("note", "Oversight test narrative.");
        body.put("subject", Map.of("alias", "小张", "phone", "13800000000"));
        if (imminent) {
            body.put("imminent", true);
            body.put("imminentBasis", "INTENT_PLAN_AND_MEANS");
        }
        return given().auth().oauth2(Tokens.of("counsellor1")).contentType("application/json").body(body)
                .when().post("/api/risk/screenings").then().statusCode(201).extract().jsonPath().getLong("caseId");
    }

    private static Response get(String account, String path, String division, String from, String to) {
        var request = given().auth().oauth2(Tokens.of(account));
        if (division != null) {
            request = request.queryParam("division", division);
        }
        if (from != null) {
            request = request.queryParam("from", from);
        }
        if (to != null) {
            request = request.queryParam("to", to);
        }
        return request.when().get(path);
    }

    private static void problemField(Response response, String field) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getList("errors.field", String.class)).contains(field);
    }

    private static long delta(JsonPath before, JsonPath after, String path) {
        return after.getLong(path) - before.getLong(path);
    }

    private static byte[] csv(String path, String language, Map<String, String> query) {
        Response r = given().auth().oauth2(Tokens.of("official1")).header("Accept-Language", language)
                .queryParams(query).when().get(path);
        assertThat(r.statusCode()).as(path + " " + r.asString()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/csv");
        assertThat(r.header("Content-Disposition")).startsWith("attachment;");
        return r.asByteArray();
    }

    /** The report's rows as figure → value, from its Chinese CSV. */
    private static Map<String, String> reportRows(String language) {
        String text = new String(csv("/api/oversight/reports/monthly.csv", language,
                Map.of("division", COUNTY, "month", MONTH.toString())), StandardCharsets.UTF_8);
        List<String> lines = text.substring(1).lines().toList();
        assertThat(lines.get(0)).isEqualTo("区划代码,区划,月份,项目,数值");
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertThat(f[0]).isEqualTo(COUNTY);
            assertThat(f[2]).isEqualTo(MONTH.toString());
            rows.put(f[3], f[4]);
        }
        return rows;
    }

    private static long diff(Map<String, String> before, Map<String, String> after, String figure) {
        assertThat(after).containsKey(figure);
        return Long.parseLong(after.get(figure)) - Long.parseLong(before.get(figure));
    }

    /** A figure table of a response: its columns, and its rows by key. */
    record Table(List<String> columns, Map<String, List<String>> shownByKey, Map<String, List<Number>> valuesByKey) {

        static Table of(JsonPath response, String name) {
            JsonPath json = response.using(new io.restassured.path.json.config.JsonPathConfig(
                    io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
            String at = json.getMap(name) != null ? name : "summary." + name;
            List<String> columns = json.getList(at + ".columns", String.class);
            List<Map<String, Object>> rows = json.getList(at + ".rows");
            Map<String, List<String>> shown = new LinkedHashMap<>();
            Map<String, List<Number>> values = new LinkedHashMap<>();
            for (Map<String, Object> r : rows) {
                @SuppressWarnings("unchecked")
                List<String> s = (List<String>) r.get("shown");
                @SuppressWarnings("unchecked")
                List<Number> v = (List<Number>) r.get("values");
                shown.put((String) r.get("key"), s);
                values.put((String) r.get("key"), v);
            }
            return new Table(columns, shown, values);
        }

        List<String> shown(String key) {
            assertThat(shownByKey).containsKey(key);
            return shownByKey.get(key);
        }

        /** The row's values as numbers (doubles: the JSON is read with every number a double), null where none. */
        List<Number> values(String key) {
            assertThat(valuesByKey).containsKey(key);
            return valuesByKey.get(key);
        }

        /**
         * Subtraction attacks on this table: in each row (parts and their total, the last column) and in each column
         * (the parent's row, the last, and the rows above it) there is never exactly one hidden cell.
         */
        void assertNoLoneHiddenCell(String parent) {
            int n = columns.size();
            shownByKey.forEach((key, cells) -> {
                long hidden = cells.stream().filter(SmallCells.HIDDEN::equals).count();
                assertThat(hidden).as("row %s %s", key, cells).isNotEqualTo(1);
            });
            for (int c = 0; c < n; c++) {
                int col = c;
                long hidden = shownByKey.values().stream().filter(cells -> SmallCells.HIDDEN.equals(cells.get(col))).count();
                assertThat(hidden).as("column %s under %s", columns.get(c), parent).isNotEqualTo(1);
            }
        }
    }
}
