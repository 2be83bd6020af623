package io.greenribbon.roster.demand;

import io.greenribbon.counsellors.PoolFixtures;
import io.greenribbon.hotline.Db;
import io.greenribbon.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The staffing forecast on a generated history with a known weekly rhythm: calls drawn (Poisson, seeded) from
 * a known rate for every hour of the week, written as contacts of Xinle's line (130184, which no other test
 * calls), five weeks of them; the forecast of the fifth from the four before it is compared with the rate
 * it was drawn from, and set beside the roster.
 */
@QuarkusTest
class DemandTest {

    private static final String LINE = "130184";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Monday 1 March 2032: the first of the four history weeks; the forecast week begins 29 March. */
    private static final LocalDate FIRST = LocalDate.of(2032, 3, 1);
    private static final LocalDate FORECAST_WEEK = FIRST.plusWeeks(4);
    /** Talk 8 minutes and wrap-up 2: a handle time of 600 s for every answered call. */
    private static final long TALK_MS = 480_000;
    private static final long WRAP_UP_MS = 120_000;
    private static final long SEED = 19_05;

    /** Calls an hour on average: an evening peak and a smaller one after lunch, a third more at weekends. */
    static double rate(int slot) {
        int hour = slot % 24;
        boolean weekend = slot / 24 >= 5;
        double day = 0.5 + 6 * Math.exp(-Math.pow(hour - 21, 2) / 8) + 2 * Math.exp(-Math.pow(hour - 13, 2) / 6);
        return day * (weekend ? 1.3 : 1.0);
    }

    private static int poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }

    @BeforeAll
    static void generateHistory() throws Exception {
        if (Db.value("SELECT count(*) FROM hotline_contact WHERE division_code = ?", LINE) instanceof Number n
                && n.longValue() > 0) {
            return;
        }
        Random random = new Random(SEED);
        try (Connection c = Db.connection(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO hotline_contact (call_uniqueid, division_code, source, status, outcome, offered_at,
                    queued_at, queue_wait_ms, answered_at, answered_via, talk_ms, ended_at, wrap_up_ms)
                VALUES (?, ?, 'ROUTE', 'CLOSED', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            int serial = 0;
            // Five weeks: four of history and the forecast week itself (which the forecast must not read).
            for (int week = 0; week < 5; week++) {
                for (int slot = 0; slot < WeeklyForecast.HOURS_A_WEEK; slot++) {
                    LocalDateTime hour = FIRST.plusWeeks(week).atStartOfDay().plusHours(slot);
                    int calls = poisson(random, rate(slot));
                    for (int i = 0; i <= calls; i++) {
                        LocalDateTime offered = hour.plusSeconds(random.nextInt(3500));
                        insert.setString(1, "demand-" + (++serial));
                        insert.setString(2, LINE);
                        insert.setTimestamp(4, at(offered));
                        if (i == calls) {
                            // One more caller an hour who hung up during the notice: not offered, not forecast.
                            insert.setString(3, "ABANDONED");
                            insert.setNull(5, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                            insert.setNull(6, java.sql.Types.INTEGER);
                            insert.setNull(7, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                            insert.setNull(8, java.sql.Types.VARCHAR);
                            insert.setNull(9, java.sql.Types.INTEGER);
                            insert.setTimestamp(10, at(offered.plusSeconds(20)));
                            insert.setNull(11, java.sql.Types.INTEGER);
                        } else if (random.nextInt(10) == 0) {
                            // Put through and abandoned after 40 s: offered, no handle time.
                            insert.setString(3, "ABANDONED");
                            insert.setTimestamp(5, at(offered.plusSeconds(15)));
                            insert.setNull(6, java.sql.Types.INTEGER);
                            insert.setNull(7, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                            insert.setNull(8, java.sql.Types.VARCHAR);
                            insert.setNull(9, java.sql.Types.INTEGER);
                            insert.setTimestamp(10, at(offered.plusSeconds(55)));
                            insert.setNull(11, java.sql.Types.INTEGER);
                        } else {
                            insert.setString(3, "ANSWERED");
                            insert.setTimestamp(5, at(offered.plusSeconds(15)));
                            insert.setInt(6, 10_000);
                            insert.setTimestamp(7, at(offered.plusSeconds(25)));
                            insert.setString(8, "TIER1");
                            insert.setLong(9, TALK_MS);
                            insert.setTimestamp(10, at(offered.plusSeconds(25 + TALK_MS / 1000)));
                            insert.setLong(11, WRAP_UP_MS);
                        }
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
        }
    }

    private static Timestamp at(LocalDateTime local) {
        return Timestamp.from(local.atZone(ZONE).toInstant());
    }

    private static JsonPath demand(String user, String week) {
        return given().auth().oauth2(Tokens.of(user)).queryParam("division", LINE).queryParam("week", week)
                .when().get("/api/roster/demand")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theForecastFollowsTheKnownWeeklyRhythm() {
        // Any day of the week names its week.
        JsonPath report = demand("official1", FORECAST_WEEK.plusDays(3).toString());
        assertThat(report.getString("week")).isEqualTo(FORECAST_WEEK.toString());
        assertThat(report.getInt("historyWeeks")).isEqualTo(4);
        List<Map<String, Object>> hours = report.getList("hours");
        assertThat(hours).hasSize(168);
        assertThat(hours.get(0).get("start")).isEqualTo(FORECAST_WEEK + "T00:00:00+08:00");

        double absoluteError = 0;
        double noiseError = 0;
        double flatError = 0;
        double total = 0;
        double forecastTotal = 0;
        int needOff = 0;
        double mean = java.util.stream.IntStream.range(0, 168).mapToDouble(DemandTest::rate).average().orElseThrow();
        for (int slot = 0; slot < 168; slot++) {
            Map<String, Object> h = hours.get(slot);
            double forecast = ((Number) h.get("forecastCalls")).doubleValue();
            double truth = rate(slot);
            absoluteError += Math.abs(forecast - truth);
            flatError += Math.abs(mean - truth);
            // What the randomness alone leaves: the mean absolute deviation of a mean of four Poisson counts.
            noiseError += Math.sqrt(2 / Math.PI) * Math.sqrt(truth / 4);
            total += truth;
            forecastTotal += forecast;
            assertThat(((Number) h.get("handleSeconds")).doubleValue()).isEqualTo(600.0);
            int truthNeed = ErlangC.agentsFor(ErlangC.erlangs(truth, 3600, 600), 600, new ServiceTarget(0.8, 20));
            if (Math.abs((Integer) h.get("needed") - truthNeed) > 1) {
                needOff++;
            }
        }
        double wape = absoluteError / total;
        double flatWape = flatError / total;
        double noiseWape = noiseError / total;
        System.out.printf("Staffing forecast on a generated history (4 weeks, seed %d): %.0f calls expected, "
                        + "%.0f forecast; weighted absolute error per hour %.1f%% (the randomness of four weeks alone "
                        + "leaves %.1f%%; a flat forecast without the weekly rhythm: %.1f%%); hours whose need is off "
                        + "by more than one counsellor: %d of 168%n",
                SEED, total, forecastTotal, wape * 100, noiseWape * 100, flatWape * 100, needOff);
        // The mean of four weeks of a few calls an hour keeps some randomness (about a quarter here) that no
        // method could remove; the weekly rhythm, which a flat forecast misses, is what it must capture.
        assertThat(wape).isLessThan(noiseWape * 1.25);
        assertThat(wape).isLessThan(flatWape / 2);
        assertThat(forecastTotal).isCloseTo(total, org.assertj.core.data.Percentage.withPercentage(10));
        assertThat(needOff).isLessThanOrEqualTo(3);
    }

    @Test
    void theNeedStandsBesideTheRosteredSeatsWithTheGaps() {
        long first = PoolFixtures.counsellor("需求甲", LINE);
        long second = PoolFixtures.counsellor("需求乙", LINE);
        // Tuesday of the forecast week: two counsellors 19:00-23:00, one of them until midnight.
        String tuesday = FORECAST_WEEK.plusDays(1).toString();
        shift(first, tuesday + "T19:00", FORECAST_WEEK.plusDays(2) + "T00:00");
        shift(second, tuesday + "T19:00", tuesday + "T23:00");
        // The line asks at least one seat on Tuesday nights.
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON).queryParam("division", LINE)
                .body(Map.of("rules", List.of(Map.of("days", List.of("TUESDAY"), "fromHour", 0, "toHour", 6,
                        "seats", 1))))
                .when().put("/api/roster/minimums").then().statusCode(200);

        JsonPath report = demand("official1", tuesday);
        assertThat(report.getBoolean("target.explicit")).isFalse();
        assertThat(report.getDouble("target.answeredShare")).isEqualTo(0.8);
        assertThat(report.getInt("target.withinSeconds")).isEqualTo(20);
        List<Map<String, Object>> hours = report.getList("hours");
        Map<String, Object> t21 = hours.get(24 + 21);
        assertThat(t21.get("day")).isEqualTo("TUESDAY");
        assertThat(t21.get("hour")).isEqualTo(21);
        assertThat(t21.get("rostered")).isEqualTo(2);
        Map<String, Object> t23 = hours.get(24 + 23);
        assertThat(t23.get("rostered")).isEqualTo(1);
        Map<String, Object> t03 = hours.get(24 + 3);
        assertThat(t03.get("minimum")).isEqualTo(1);
        assertThat(t03.get("rostered")).isEqualTo(0);
        int shortHours = 0;
        for (Map<String, Object> h : hours) {
            int needed = (Integer) h.get("needed");
            int minimum = (Integer) h.get("minimum");
            int rostered = (Integer) h.get("rostered");
            assertThat(h.get("missing")).isEqualTo(Math.max(0, Math.max(needed, minimum) - rostered));
            if ((Integer) h.get("missing") > 0) {
                shortHours++;
            }
            double erlangs = ((Number) h.get("erlangs")).doubleValue();
            if (erlangs > 0 && rostered >= needed) {
                assertThat(((Number) h.get("rosteredServiceLevel")).doubleValue()).isGreaterThanOrEqualTo(0.8);
            }
        }
        assertThat(report.getInt("hoursShort")).isEqualTo(shortHours);
        // At the evening peak (six or seven calls of ten minutes) two counsellors are not enough for 80% in 20 s.
        assertThat((Integer) t21.get("needed")).isGreaterThan(2);
        assertThat((Integer) t21.get("missing")).isEqualTo((Integer) t21.get("needed") - 2);
        System.out.printf("Tuesday 21:00 of the forecast week: %.2f calls forecast, %s erlangs, %d counsellors "
                        + "needed for 80%% in 20 s, %d rostered (service level %.1f%%), %d missing%n",
                ((Number) t21.get("forecastCalls")).doubleValue(), t21.get("erlangs"), t21.get("needed"),
                t21.get("rostered"), ((Number) t21.get("rosteredServiceLevel")).doubleValue() * 100,
                t21.get("missing"));

        // A stricter target for the line asks more counsellors at the peak.
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON).queryParam("division", LINE)
                .body(Map.of("answeredShare", 0.95, "withinSeconds", 20))
                .when().put("/api/roster/demand/target")
                .then().statusCode(200).body("explicit", equalTo(true)).body("answeredShare", equalTo(0.95f));
        try {
            JsonPath stricter = demand("official1", tuesday);
            assertThat(stricter.getDouble("target.answeredShare")).isEqualTo(0.95);
            assertThat(stricter.getInt("hours[45].needed")).isGreaterThan((Integer) t21.get("needed"));
        } finally {
            given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON).queryParam("division", LINE)
                    .body(Map.of("answeredShare", 0.8, "withinSeconds", 20))
                    .when().put("/api/roster/demand/target").then().statusCode(200);
        }
    }

    @Test
    void badInputIsNamedAndOthersJurisdictionRefused() {
        given().auth().oauth2(Tokens.of("admin1")).queryParam("division", LINE).queryParam("week", "next-week")
                .get("/api/roster/demand").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("week"));
        given().auth().oauth2(Tokens.of("admin1")).get("/api/roster/demand").then().statusCode(400)
                .body("errors[0].field", equalTo("division"));
        given().auth().oauth2(Tokens.of("admin1")).queryParam("division", "130199").get("/api/roster/demand")
                .then().statusCode(400).body("errors[0].field", equalTo("division"));
        given().auth().oauth2(Tokens.of("official2")).queryParam("division", LINE).get("/api/roster/demand")
                .then().statusCode(403).body("type", equalTo("urn:greenribbon:problem:out-of-jurisdiction"));
        given().auth().oauth2(Tokens.of("counsellor1")).queryParam("division", LINE).get("/api/roster/demand")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON).queryParam("division", LINE)
                .body(Map.of("answeredShare", 1.5, "withinSeconds", 0))
                .when().put("/api/roster/demand/target").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("answeredShare", "withinSeconds"));
        given().auth().oauth2(Tokens.of("official1")).contentType(ContentType.JSON).queryParam("division", LINE)
                .body(Map.of("answeredShare", 0.9, "withinSeconds", 20))
                .when().put("/api/roster/demand/target").then().statusCode(403);
        given().auth().oauth2(Tokens.of("official1")).queryParam("division", LINE)
                .get("/api/roster/demand/target").then().statusCode(200).body("lineDivision", equalTo(LINE));
    }

    private static void shift(long counsellor, String start, String end) {
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(Map.of("counsellorId", counsellor, "lineDivision", LINE, "start", start, "end", end))
                .when().post("/api/roster/shifts").then().statusCode(201);
    }
}
