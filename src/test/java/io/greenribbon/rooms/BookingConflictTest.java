package io.greenribbon.rooms;

import io.greenribbon.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static io.greenribbon.rooms.RoomFixtures.VILLAGE;
import static io.greenribbon.rooms.RoomFixtures.at;
import static io.greenribbon.rooms.RoomFixtures.booking;
import static io.greenribbon.rooms.RoomFixtures.day;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The database refuses overlaps of one room, one counsellor or one client; the 409 names which, and whom. */
@QuarkusTest
class BookingConflictTest {

    private static ValidatableResponse post(Map<String, Object> body) {
        return given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON).body(body)
                .when().post("/api/bookings").then();
    }

    private static long book(Map<String, Object> body) {
        return post(body).statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void theSameRoomTwiceNamesTheRoomAndTheBooking() {
        long room = RoomFixtures.room(VILLAGE);
        LocalDate d = day(5, 0);
        long first = book(booking(room, RoomFixtures.counsellor("130104"), RoomFixtures.client("admin1", VILLAGE),
                at(d, "09:00"), at(d, "10:00")));
        post(booking(room, RoomFixtures.counsellor("130104"), RoomFixtures.client("admin1", VILLAGE),
                at(d, "09:30"), at(d, "10:30")))
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:greenribbon:problem:booking-conflict"))
                .body("resource", equalTo("room"))
                .body("conflictingBookingId", equalTo((int) first))
                .body("detail", org.hamcrest.Matchers.containsString(String.valueOf(first)));
        assertBookings(room, 1);
    }

    @Test
    void theSameCounsellorInTwoRoomsNamesTheCounsellor() {
        long roomA = RoomFixtures.room(VILLAGE);
        long roomB = RoomFixtures.room(RoomFixtures.OTHER_VILLAGE);
        long counsellor = RoomFixtures.counsellor("130104");
        LocalDate d = day(5, 1);
        long first = book(booking(roomA, counsellor, RoomFixtures.client("admin1", VILLAGE), at(d, "14:00"), at(d, "15:00")));
        post(booking(roomB, counsellor, RoomFixtures.client("admin1", RoomFixtures.OTHER_VILLAGE),
                at(d, "14:59"), at(d, "15:30")))
                .statusCode(409)
                .body("resource", equalTo("counsellor"))
                .body("conflictingBookingId", equalTo((int) first));
    }

    @Test
    void theSameClientInTwoRoomsNamesTheClient() {
        long roomA = RoomFixtures.room(VILLAGE);
        long roomB = RoomFixtures.room(VILLAGE);
        long client = RoomFixtures.client("admin1", VILLAGE);
        LocalDate d = day(5, 2);
        long first = book(booking(roomA, RoomFixtures.counsellor("130104"), client, at(d, "10:00"), at(d, "11:00")));
        post(booking(roomB, RoomFixtures.counsellor("130104"), client, at(d, "09:30"), at(d, "10:15")))
                .statusCode(409)
                .body("resource", equalTo("client"))
                .body("conflictingBookingId", equalTo((int) first))
                .body("conflicts.resource", hasItem("client"));
    }

    @Test
    void everyCollidingResourceIsListed() {
        long room = RoomFixtures.room(VILLAGE);
        long counsellor = RoomFixtures.counsellor("130104");
        long client = RoomFixtures.client("admin1", VILLAGE);
        LocalDate d = day(5, 3);
        long first = book(booking(room, counsellor, client, at(d, "10:00"), at(d, "11:00")));
        post(booking(room, counsellor, client, at(d, "10:00"), at(d, "11:00")))
                .statusCode(409)
                .body("conflicts.resource", org.hamcrest.Matchers.containsInAnyOrder("room", "counsellor", "client"))
                .body("conflicts.conflictingBookingId", org.hamcrest.Matchers.everyItem(equalTo((int) first)));
    }

    @Test
    void backToBackSessionsDoNotCollide() {
        long room = RoomFixtures.room(VILLAGE);
        long counsellor = RoomFixtures.counsellor("130104");
        long client = RoomFixtures.client("admin1", VILLAGE);
        LocalDate d = day(5, 4);
        book(booking(room, counsellor, client, at(d, "10:00"), at(d, "11:00")));
        book(booking(room, counsellor, client, at(d, "11:00"), at(d, "12:00")));
        book(booking(room, counsellor, client, at(d, "09:00"), at(d, "10:00")));
        assertBookings(room, 3);
    }

    @Test
    void aCancelledBookingFreesItsTime() {
        long room = RoomFixtures.room(VILLAGE);
        long counsellor = RoomFixtures.counsellor("130104");
        long client = RoomFixtures.client("admin1", VILLAGE);
        LocalDate d = day(5, 5);
        long first = book(booking(room, counsellor, client, at(d, "10:00"), at(d, "11:00")));
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON).body(Map.of("reason", "来访者改期"))
                .when().post("/api/bookings/" + first + "/cancel").then().statusCode(200);
        book(booking(room, counsellor, client, at(d, "10:00"), at(d, "11:00")));
    }

    @Test
    void theDatabaseItselfRefusesAnOverlapWrittenAroundTheService() {
        long room = RoomFixtures.room(VILLAGE);
        long client = RoomFixtures.client("admin1", VILLAGE);
        LocalDate d = day(5, 6);
        RoomFixtures.bookedNow(room, RoomFixtures.counsellor("130104"), client, at(d, "10:00"), at(d, "11:00"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RoomFixtures.bookedNow(room,
                        RoomFixtures.counsellor("130104"), RoomFixtures.client("admin1", VILLAGE), at(d, "10:30"), at(d, "11:30")))
                .hasMessageContaining("booking_room_overlap");
    }

    static void assertBookings(long room, long expected) {
        org.assertj.core.api.Assertions.assertThat(
                RoomFixtures.count("SELECT count(*) FROM booking WHERE room_id = ? AND status <> 'CANCELLED'", room))
                .isEqualTo(expected);
    }
}
