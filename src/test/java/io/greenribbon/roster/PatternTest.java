package io.greenribbon.roster;

import io.greenribbon.counsellors.PoolFixtures;
import io.greenribbon.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class PatternTest {

    /** Lingshou county: no demo roster. */
    private static final String LINE = "130126";
    private static final LocalDate MONDAY = LocalDate.of(2031, 9, 1).with(
            java.time.temporal.TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));

    private static List<Map<String, Object>> shiftsOf(long counsellor, LocalDate from, LocalDate to) {
        return given().auth().oauth2(Tokens.of("admin1")).queryParam("division", LINE)
                .queryParam("counsellor", counsellor).queryParam("from", from.toString())
                .queryParam("to", to.toString()).get("/api/roster/shifts")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    @Test
    void aWeeklyPatternFillsARangeOnceAndAllOrNothing() {
        long night = PoolFixtures.counsellor("模板夜", LINE);
        long day = PoolFixtures.counsellor("模板日", LINE);
        long pattern = ((Number) given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(Map.of("lineDivision", LINE, "name", "灵寿县热线周模板", "entries", List.of(
                        Map.of("counsellorId", night, "day", "MONDAY", "start", "22:00", "end", "06:00"),
                        Map.of("counsellorId", day, "day", "TUESDAY", "start", "08:00", "end", "16:00"))))
                .when().post("/api/roster/patterns")
                .then().statusCode(201).body("entries", hasSize(2)).extract().path("id")).longValue();

        Map<String, String> twoWeeks = Map.of("from", MONDAY.toString(), "to", MONDAY.plusDays(13).toString());
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON).body(twoWeeks)
                .when().post("/api/roster/patterns/" + pattern + "/apply")
                .then().statusCode(200).body("created", equalTo(4)).body("alreadyPresent", equalTo(0));
        List<Map<String, Object>> nights = shiftsOf(night, MONDAY, MONDAY.plusDays(14));
        org.assertj.core.api.Assertions.assertThat(nights).extracting(s -> s.get("start"), s -> s.get("end"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(MONDAY + "T22:00:00+08:00", MONDAY.plusDays(1) + "T06:00:00+08:00"),
                        org.assertj.core.groups.Tuple.tuple(MONDAY.plusDays(7) + "T22:00:00+08:00",
                                MONDAY.plusDays(8) + "T06:00:00+08:00"));

        // Applying again adds nothing.
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON).body(twoWeeks)
                .when().post("/api/roster/patterns/" + pattern + "/apply")
                .then().statusCode(200).body("created", equalTo(0)).body("alreadyPresent", equalTo(4));

        // A clash in the third week rejects that week whole: not even the night shift is made.
        LocalDate third = MONDAY.plusDays(14);
        long clash = RosterFixtures.shift(day, LINE, third.plusDays(1) + "T10:00", third.plusDays(1) + "T12:00");
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(Map.of("from", third.toString(), "to", third.plusDays(6).toString()))
                .when().post("/api/roster/patterns/" + pattern + "/apply")
                .then().statusCode(409).body("conflicts", hasSize(1))
                .body("conflicts[0].conflictingShiftId", equalTo((int) clash))
                .body("conflicts[0].counsellorId", equalTo((int) day));
        org.assertj.core.api.Assertions.assertThat(shiftsOf(night, third, third.plusDays(7))).isEmpty();
    }

    @Test
    void entriesOfOnePersonMustNotOverlapEvenAcrossTheWeekEnd() {
        long a = PoolFixtures.counsellor("模板重叠", LINE);
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(Map.of("lineDivision", LINE, "name", "重叠", "entries", List.of(
                        Map.of("counsellorId", a, "day", "SUNDAY", "start", "22:00", "end", "06:00"),
                        Map.of("counsellorId", a, "day", "MONDAY", "start", "05:00", "end", "08:00"))))
                .when().post("/api/roster/patterns")
                .then().statusCode(400).body("errors.field", contains("entries[1]"));
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(Map.of("lineDivision", LINE, "name", "坏日", "entries", List.of(
                        Map.of("counsellorId", a, "day", "FUNDAY", "start", "22:00", "end", "06:00"))))
                .when().post("/api/roster/patterns")
                .then().statusCode(400).body("errors[0].field", equalTo("entries[0].day"));
    }
}
