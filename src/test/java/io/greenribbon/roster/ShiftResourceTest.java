package io.greenribbon.roster;

import io.greenribbon.counsellors.PoolFixtures;
import io.greenribbon.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class ShiftResourceTest {

    private static final String ZHAO = "130133";

    @Test
    void overlappingShiftsAreRefusedByTheApiAndByTheDatabase() throws SQLException {
        long a = PoolFixtures.counsellor("重叠", ZHAO);
        long first = RosterFixtures.shift(a, ZHAO, "2031-03-10T08:00", "2031-03-10T16:00");
        RosterFixtures.post(a, "1301", "2031-03-10T12:00", "2031-03-10T20:00").statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:greenribbon:problem:conflict"))
                .body("conflictingShiftId", equalTo((int) first));
        // Touching is not overlapping: the end is exclusive.
        RosterFixtures.shift(a, "1301", "2031-03-10T16:00+08:00", "2031-03-10T22:00+08:00");

        try (Connection c = RosterFixtures.appConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO roster_shift (counsellor_id, line_division, starts_at, ends_at, status, cancel_reason,"
                        + " created_by) VALUES (?, '130133', '2031-03-10 10:00+08', '2031-03-10 11:00+08', ?, ?, 'sql')")) {
            insert.setLong(1, a);
            insert.setString(2, "SCHEDULED");
            insert.setString(3, null);
            assertThatThrownBy(insert::executeUpdate).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23P01"))
                    .hasMessageContaining("roster_shift_no_overlap");
            // A cancelled shift holds no seat, so it may lie anywhere.
            insert.setString(2, "CANCELLED");
            insert.setString(3, "record of a cancelled plan");
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void ofConcurrentOverlappingRequestsExactlyOneWins() throws Exception {
        long a = PoolFixtures.counsellor("并发", ZHAO);
        Tokens.of("admin1");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String start = "2031-03-11T0" + (i + 1) + ":00";
                calls.add(() -> RosterFixtures.post(a, ZHAO, start, "2031-03-11T12:00").extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void badTimesAndCounsellorsNameTheirFields() {
        long a = PoolFixtures.counsellor("时间", ZHAO);
        long xinhua = PoolFixtures.counsellor("新华", "130105");
        RosterFixtures.post(a, ZHAO, "2031-03-12T16:00", "2031-03-12T08:00").statusCode(400)
                .body("errors[0].field", equalTo("end"));
        RosterFixtures.post(a, ZHAO, "next tuesday", "2031-03-12T08:00").statusCode(400)
                .body("errors[0].field", equalTo("start"));
        RosterFixtures.post(a, ZHAO, "2031-03-12T08:00", "2031-03-13T09:00").statusCode(400)
                .body("errors[0].field", equalTo("end"));
        RosterFixtures.post(xinhua, ZHAO, "2031-03-12T08:00", "2031-03-12T16:00").statusCode(400)
                .body("errors[0].field", equalTo("counsellorId"));
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(Map.of("lineDivision", "13013", "start", "2031-03-12T08:00", "end", "2031-03-12T09:00"))
                .when().post("/api/roster/shifts")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.containsInAnyOrder(
                        "counsellorId", "lineDivision"));
    }

    @Test
    void aNightShiftCrossesMidnight() {
        long a = PoolFixtures.counsellor("夜班", ZHAO);
        long night = RosterFixtures.shift(a, ZHAO, "2031-03-13T22:00", "2031-03-14T06:00");
        given().auth().oauth2(Tokens.of("admin1")).queryParam("division", ZHAO).queryParam("counsellor", a)
                .queryParam("from", "2031-03-14").queryParam("to", "2031-03-15")
                .when().get("/api/roster/shifts")
                .then().statusCode(200)
                .body("id", org.hamcrest.Matchers.contains((int) night))
                .body("[0].start", equalTo("2031-03-13T22:00:00+08:00"))
                .body("[0].end", equalTo("2031-03-14T06:00:00+08:00"));
    }

    @Test
    void aCancelledShiftNeedsAReasonAndFreesTheTime() {
        long a = PoolFixtures.counsellor("取消", ZHAO);
        long s = RosterFixtures.shift(a, ZHAO, "2031-03-15T08:00", "2031-03-15T16:00");
        given().auth().oauth2(Tokens.of("admin1")).when().delete("/api/roster/shifts/" + s)
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(Tokens.of("admin1")).queryParam("reason", "病假").when().delete("/api/roster/shifts/" + s)
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("病假"));
        given().auth().oauth2(Tokens.of("admin1")).queryParam("reason", "again").when()
                .delete("/api/roster/shifts/" + s).then().statusCode(409);
        RosterFixtures.shift(a, ZHAO, "2031-03-15T09:00", "2031-03-15T17:00");
        given().auth().oauth2(Tokens.of("admin1")).queryParam("counsellor", a).queryParam("division", ZHAO)
                .queryParam("from", "2031-03-15").queryParam("to", "2031-03-16")
                .when().get("/api/roster/shifts")
                .then().statusCode(200).body("id", not(hasItem((int) s)));
    }

    @Test
    void aSwapExchangesOverlappingShiftsAndIsRecorded() throws SQLException {
        long a = PoolFixtures.counsellor("换甲", ZHAO);
        long b = PoolFixtures.counsellor("换乙", ZHAO);
        long early = RosterFixtures.shift(a, ZHAO, "2031-03-17T08:00", "2031-03-17T16:00");
        long late = RosterFixtures.shift(b, ZHAO, "2031-03-17T12:00", "2031-03-17T20:00");
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(Map.of("withShiftId", late, "reason", "家中有事，互换")).when()
                .post("/api/roster/shifts/" + early + "/swap")
                .then().statusCode(200).body("counsellorId", org.hamcrest.Matchers.contains((int) b, (int) a));
        given().auth().oauth2(Tokens.of("admin1")).get("/api/roster/shifts/" + early)
                .then().statusCode(200).body("counsellorId", equalTo((int) b));
        try (Connection c = RosterFixtures.appConnection(); var q = c.prepareStatement(
                "SELECT count(*) FROM roster_shift_change WHERE shift_id IN (?, ?) AND kind = 'SWAP'")) {
            q.setLong(1, early);
            q.setLong(2, late);
            try (var rs = q.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
            // The record of changes is append-only for the service's login.
            assertThatThrownBy(() -> c.createStatement().executeUpdate("DELETE FROM roster_shift_change"))
                    .isInstanceOf(SQLException.class);
        }
        // Reassigning to someone busy then is a conflict; to someone free, a new holder.
        long busy = PoolFixtures.counsellor("忙", ZHAO);
        RosterFixtures.shift(busy, ZHAO, "2031-03-17T07:00", "2031-03-17T09:00");
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(Map.of("counsellorId", busy, "reason", "顶班")).when()
                .post("/api/roster/shifts/" + early + "/reassign").then().statusCode(409);
        long free = PoolFixtures.counsellor("闲", ZHAO);
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(Map.of("counsellorId", free, "reason", "顶班")).when()
                .post("/api/roster/shifts/" + early + "/reassign").then().statusCode(200)
                .body("counsellorId", equalTo((int) free));
    }

    @Test
    void onlyAdminsPlanAndOnlyTheirOwnLines() {
        long qiaoxi = PoolFixtures.counsellor("桥西班", "130104");
        given().auth().oauth2(Tokens.of("admin2")).contentType(ContentType.JSON)
                .body(Map.of("counsellorId", qiaoxi, "lineDivision", "130104", "start", "2031-03-18T08:00",
                        "end", "2031-03-18T16:00")).when().post("/api/roster/shifts")
                .then().statusCode(403).body("type", equalTo("urn:greenribbon:problem:out-of-jurisdiction"));
        given().auth().oauth2(Tokens.of("counsellor1")).contentType(ContentType.JSON)
                .body(Map.of("counsellorId", qiaoxi, "lineDivision", "130104", "start", "2031-03-18T08:00",
                        "end", "2031-03-18T16:00")).when().post("/api/roster/shifts")
                .then().statusCode(403).body("type", equalTo("urn:greenribbon:problem:forbidden"));
        long s = RosterFixtures.shift(qiaoxi, "130104", "2031-03-18T08:00", "2031-03-18T16:00");
        given().auth().oauth2(Tokens.of("counsellor2")).get("/api/roster/shifts/" + s).then().statusCode(404);
        given().auth().oauth2(Tokens.of("counsellor1")).get("/api/roster/shifts/" + s).then().statusCode(200);
        given().auth().oauth2(Tokens.of("counsellor1")).queryParam("division", "1301")
                .queryParam("from", "2031-03-18").queryParam("to", "2031-03-19").get("/api/roster/shifts")
                .then().statusCode(200).body("lineDivision", org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.in(List.of("1301", "130104"))));
        given().auth().oauth2(Tokens.of("official1")).get("/api/roster/shifts").then().statusCode(403);
    }
}
