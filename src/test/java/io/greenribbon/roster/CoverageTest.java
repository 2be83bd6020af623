package io.greenribbon.roster;

import io.greenribbon.counsellors.PoolFixtures;
import io.greenribbon.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class CoverageTest {

    /** Xingtang county: no demo roster, so the test owns its line. */
    private static final String LINE = "130125";
    private static final List<String> WEEK = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
            "SATURDAY", "SUNDAY");

    @Test
    void gapsAreFoundOnBothSidesOfMidnight() {
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .queryParam("division", LINE)
                .body(Map.of("rules", List.of(Map.of("days", WEEK, "fromHour", 0, "toHour", 24, "seats", 1))))
                .when().put("/api/roster/minimums")
                .then().statusCode(200).body("hours.size()", equalTo(168)).body("hours[0].seats", equalTo(1));
        long x = PoolFixtures.counsellor("覆盖甲", LINE);
        long y = PoolFixtures.counsellor("覆盖乙", LINE);
        long z = PoolFixtures.counsellor("覆盖丙", LINE);
        // Monday 2 June 2031: 18:00-23:00, then 23:30-03:00 across midnight, then 03:00-05:30.
        RosterFixtures.shift(x, LINE, "2031-06-02T18:00", "2031-06-02T23:00");
        RosterFixtures.shift(y, LINE, "2031-06-02T23:30", "2031-06-03T03:00");
        RosterFixtures.shift(z, LINE, "2031-06-03T03:00", "2031-06-03T05:30");

        var gaps = given().auth().oauth2(Tokens.of("admin1")).queryParam("division", LINE)
                .queryParam("from", "2031-06-02T18:00").queryParam("to", "2031-06-03T06:00")
                .when().get("/api/roster/coverage")
                .then().statusCode(200)
                .body("lines", org.hamcrest.Matchers.contains(LINE))
                .body("hoursChecked", equalTo(12))
                .extract().jsonPath();
        assertThat(gaps.getList("gaps.start", String.class))
                .containsExactly("2031-06-02T23:00:00+08:00", "2031-06-03T05:00:00+08:00");
        assertThat(gaps.getList("gaps.day", String.class)).containsExactly("MONDAY", "TUESDAY");
        assertThat(gaps.getList("gaps.hour", Integer.class)).containsExactly(23, 5);
        assertThat(gaps.getList("gaps.staffed", Integer.class)).containsExactly(0, 0);
        assertThat(gaps.getList("gaps.missing", Integer.class)).containsExactly(1, 1);

        // Filling 23:00-23:30 and 05:30-06:00 closes both gaps.
        RosterFixtures.shift(z, LINE, "2031-06-02T22:55", "2031-06-02T23:35");
        RosterFixtures.shift(x, LINE, "2031-06-03T05:00", "2031-06-03T06:00");
        given().auth().oauth2(Tokens.of("admin1")).queryParam("division", LINE)
                .queryParam("from", "2031-06-02T18:00").queryParam("to", "2031-06-03T06:00")
                .when().get("/api/roster/coverage")
                .then().statusCode(200).body("gaps.size()", equalTo(0));
    }

    @Test
    void theCityLineNeedsTwoSeatsByTheNationalRule() {
        var report = given().auth().oauth2(Tokens.of("official1")).queryParam("division", "1301")
                .queryParam("from", "2031-06-09").queryParam("to", "2031-06-10")
                .when().get("/api/roster/coverage")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> city = report.<Map<String, Object>>getList("gaps").stream()
                .filter(g -> "1301".equals(g.get("lineDivision"))).toList();
        assertThat(city).hasSize(24);
        // The demo rules ask 3 seats on weekdays 08:00-22:00; every other hour keeps the default of 2.
        assertThat(city).allSatisfy(g -> {
            int hour = (Integer) g.get("hour");
            assertThat(g.get("required")).isEqualTo(hour >= 8 && hour < 22 ? 3 : 2);
        });
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON).queryParam("division", "1301")
                .body(Map.of("rules", List.of(Map.of("days", List.of("SUNDAY"), "fromHour", 0, "toHour", 6,
                        "seats", 1), Map.of("days", List.of("MONDAY"), "fromHour", 9, "toHour", 9, "seats", 4))))
                .when().put("/api/roster/minimums")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.containsInAnyOrder(
                        "rules[0].seats", "rules[1].toHour"));
    }

    @Test
    void coverageIsCountsForThoseWhoOverseeTheirOwnJurisdiction() {
        given().auth().oauth2(Tokens.of("official2")).queryParam("division", "1301").get("/api/roster/coverage")
                .then().statusCode(403).body("type", equalTo("urn:greenribbon:problem:out-of-jurisdiction"));
        given().auth().oauth2(Tokens.of("official2")).get("/api/roster/coverage")
                .then().statusCode(200).body("division", equalTo("130105"));
        given().auth().oauth2(Tokens.of("counsellor1")).get("/api/roster/coverage").then().statusCode(403);
        given().auth().oauth2(Tokens.of("admin1")).queryParam("from", "2031-06-01").queryParam("to", "2031-09-01")
                .get("/api/roster/coverage").then().statusCode(400).body("errors[0].field", equalTo("to"));
    }

    @Test
    void theDemoRosterHasGapsToFindInTheComingTwoWeeks() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        var gaps = given().auth().oauth2(Tokens.of("official1")).queryParam("division", "1301")
                .queryParam("from", today.plusDays(1).toString()).queryParam("to", today.plusDays(13).toString())
                .when().get("/api/roster/coverage")
                .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("gaps");
        List<Map<String, Object>> city = gaps.stream().filter(g -> "1301".equals(g.get("lineDivision"))).toList();
        // The night starting in four days has one counsellor of two (8 hours, across midnight); the first
        // weekday afternoon a week ahead has two of three from 16:00 (6 hours).
        assertThat(city).hasSize(14);
        assertThat(city.stream().filter(g -> (Integer) g.get("staffed") == 1).map(g -> (Integer) g.get("hour")))
                .containsExactly(22, 23, 0, 1, 2, 3, 4, 5);
        assertThat(city.stream().filter(g -> (Integer) g.get("staffed") == 2).map(g -> (Integer) g.get("hour")))
                .containsExactly(16, 17, 18, 19, 20, 21);
    }
}
