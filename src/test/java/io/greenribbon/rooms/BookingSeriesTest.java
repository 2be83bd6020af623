package io.greenribbon.rooms;

import io.greenribbon.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.greenribbon.rooms.RoomFixtures.VILLAGE;
import static io.greenribbon.rooms.RoomFixtures.at;
import static io.greenribbon.rooms.RoomFixtures.booking;
import static io.greenribbon.rooms.RoomFixtures.day;
import static io.greenribbon.rooms.RoomFixtures.iso;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** A weekly series is booked all or nothing, and a refusal names every date that collides. */
@QuarkusTest
class BookingSeriesTest {

    private static Map<String, Object> series(long room, long counsellor, long client, LocalDate first, int weeks) {
        Map<String, Object> body = booking(room, counsellor, client, at(first, "10:00"), at(first, "10:50"));
        body.put("weeks", weeks);
        return body;
    }

    @Test
    void aSeriesBooksTheSameTimeEveryWeek() {
        long room = RoomFixtures.room(VILLAGE);
        LocalDate first = day(8, 0);
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(series(room, RoomFixtures.counsellor("130104"), RoomFixtures.client("admin1", VILLAGE), first, 4))
                .when().post("/api/bookings")
                .then().statusCode(201)
                .body("weeks", equalTo(4))
                .body("bookings", hasSize(4))
                .body("bookings.start", contains(iso(first, "10:00"), iso(first.plusWeeks(1), "10:00"),
                        iso(first.plusWeeks(2), "10:00"), iso(first.plusWeeks(3), "10:00")))
                .body("bookings.seriesWeek", contains(1, 2, 3, 4));
    }

    @Test
    void collidingWeeksAreAllReportedAndNothingIsBooked() {
        long room = RoomFixtures.room(VILLAGE);
        long counsellor = RoomFixtures.counsellor("130104");
        LocalDate first = day(9, 0);
        long week2 = book(room, first.plusWeeks(1), "10:30", "11:30");
        long week4 = book(room, first.plusWeeks(3), "09:30", "10:05");
        long before = RoomFixtures.count("SELECT count(*) FROM booking WHERE room_id = ?", room);
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(series(room, counsellor, RoomFixtures.client("admin1", VILLAGE), first, 5))
                .when().post("/api/bookings")
                .then().statusCode(409)
                .body("type", equalTo("urn:greenribbon:problem:booking-conflict"))
                .body("conflicts.week", contains(2, 4))
                .body("conflicts.date", contains(first.plusWeeks(1).toString(), first.plusWeeks(3).toString()))
                .body("conflicts.conflictingBookingId", contains((int) week2, (int) week4))
                .body("conflicts.resource", contains("room", "room"))
                .body("detail", org.hamcrest.Matchers.containsString(first.plusWeeks(3).toString()));
        assertThat(RoomFixtures.count("SELECT count(*) FROM booking WHERE room_id = ?", room)).isEqualTo(before);
        assertThat(RoomFixtures.count("SELECT count(*) FROM booking WHERE counsellor_id = ?", counsellor)).isZero();
    }

    @Test
    void aWeekOnAClosureIsNamedAndNothingIsBooked() {
        LocalDate first = day(10, 0);
        long room = RoomFixtures.room(VILLAGE, Map.of("datedHours",
                List.of(Map.of("date", first.plusWeeks(2).toString(), "kind", "CLOSED", "note", "国庆"))));
        long counsellor = RoomFixtures.counsellor("130104");
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(series(room, counsellor, RoomFixtures.client("admin1", VILLAGE), first, 3))
                .when().post("/api/bookings")
                .then().statusCode(400)
                .body("rules", contains("opening-hours"))
                .body("errors.field", contains("weeks[3].start"));
        assertThat(RoomFixtures.count("SELECT count(*) FROM booking WHERE room_id = ?", room)).isZero();
    }

    @Test
    void aSeriesLongerThanAllowedIsRefused() {
        long room = RoomFixtures.room(VILLAGE);
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(series(room, RoomFixtures.counsellor("130104"), RoomFixtures.client("admin1", VILLAGE), day(3, 0), 30))
                .when().post("/api/bookings")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("weeks"));
    }

    private static long book(long room, LocalDate d, String from, String to) {
        return RoomFixtures.book("admin1", booking(room, RoomFixtures.counsellor("130104"), RoomFixtures.client("admin1", VILLAGE),
                        at(d, from), at(d, to)));
    }
}
