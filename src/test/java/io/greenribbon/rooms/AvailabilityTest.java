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
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/** Free slots: opening hours minus bookings; optionally only where a counsellor is free too. */
@QuarkusTest
class AvailabilityTest {

    @Test
    void slotsAreOpenHoursWithoutBookingsAndClosures() {
        LocalDate d = day(13, 0);
        LocalDate closed = d.plusDays(1);
        long room = RoomFixtures.room(VILLAGE, Map.of(
                "weeklyHours", List.of(
                        Map.of("day", d.getDayOfWeek().name(), "opens", "09:00", "closes", "12:00"),
                        Map.of("day", d.getDayOfWeek().name(), "opens", "14:00", "closes", "16:00"),
                        Map.of("day", closed.getDayOfWeek().name(), "opens", "09:00", "closes", "12:00")),
                "datedHours", List.of(Map.of("date", closed.toString(), "kind", "CLOSED"))));
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(booking(room, RoomFixtures.counsellor("130104"), RoomFixtures.client("admin1", VILLAGE),
                        at(d, "10:00"), at(d, "11:00")))
                .when().post("/api/bookings").then().statusCode(201);
        given().auth().oauth2(Tokens.of("admin1"))
                .queryParam("from", at(d, "00:00").toString()).queryParam("to", at(closed.plusDays(1), "00:00").toString())
                .when().get("/api/rooms/" + room + "/availability")
                .then().statusCode(200)
                .body("slotLength", equalTo("PT1H"))
                .body("slots.start", contains(iso(d, "09:00"), iso(d, "11:00"), iso(d, "14:00"), iso(d, "15:00")));
        given().auth().oauth2(Tokens.of("admin1")).queryParam("length", "PT30M")
                .queryParam("from", at(d, "14:00").toString()).queryParam("to", at(d, "15:00").toString())
                .when().get("/api/rooms/" + room + "/availability")
                .then().statusCode(200)
                .body("slots.start", contains(iso(d, "14:00"), iso(d, "14:30")));
    }

    @Test
    void withACounsellorOnlySlotsWhereTheyAreFreeToo() {
        LocalDate d = day(13, 2);
        long room = RoomFixtures.room(VILLAGE, Map.of("weeklyHours",
                List.of(Map.of("day", d.getDayOfWeek().name(), "opens", "09:00", "closes", "12:00"))));
        long elsewhere = RoomFixtures.room(VILLAGE);
        long counsellor = RoomFixtures.counsellor("130104");
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(booking(elsewhere, counsellor, RoomFixtures.client("admin1", VILLAGE), at(d, "09:00"), at(d, "10:00")))
                .when().post("/api/bookings").then().statusCode(201);
        given().auth().oauth2(Tokens.of("admin1")).queryParam("counsellor", counsellor)
                .queryParam("from", at(d, "00:00").toString()).queryParam("to", at(d.plusDays(1), "00:00").toString())
                .when().get("/api/rooms/" + room + "/availability")
                .then().statusCode(200)
                .body("slots.start", contains(iso(d, "10:00"), iso(d, "11:00")))
                .body("slots[0].counsellorIds", contains((int) counsellor));
        long xinhua = RoomFixtures.counsellor("130105");
        given().auth().oauth2(Tokens.of("admin1")).queryParam("counsellor", xinhua)
                .queryParam("from", at(d, "00:00").toString()).queryParam("to", at(d.plusDays(1), "00:00").toString())
                .when().get("/api/rooms/" + room + "/availability")
                .then().statusCode(200).body("slots", empty());
    }

    @Test
    void languageAndSpecialtyKeepOnlySlotsWithAMatchingCounsellorFree() {
        LocalDate d = day(13, 3);
        long room = RoomFixtures.room(VILLAGE, Map.of("weeklyHours",
                List.of(Map.of("day", d.getDayOfWeek().name(), "opens", "09:00", "closes", "11:00"))));
        String language = "测试方言" + System.nanoTime() % 100000;
        long speaker = RoomFixtures.counsellor("130104");
        RoomFixtures.execute("UPDATE counsellor SET languages = ARRAY[?, '普通话'], specialties = ARRAY['TRAUMA'] "
                + "WHERE id = ?", language, speaker);
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(booking(RoomFixtures.room(VILLAGE), speaker, RoomFixtures.client("admin1", VILLAGE),
                        at(d, "09:00"), at(d, "10:00")))
                .when().post("/api/bookings").then().statusCode(201);
        given().auth().oauth2(Tokens.of("admin1")).queryParam("language", language)
                .queryParam("from", at(d, "00:00").toString()).queryParam("to", at(d.plusDays(1), "00:00").toString())
                .when().get("/api/rooms/" + room + "/availability")
                .then().statusCode(200)
                .body("slots.start", contains(iso(d, "10:00")))
                .body("slots[0].counsellorIds", contains((int) speaker));
        given().auth().oauth2(Tokens.of("admin1")).queryParam("language", language + "-nobody")
                .queryParam("from", at(d, "00:00").toString()).queryParam("to", at(d.plusDays(1), "00:00").toString())
                .when().get("/api/rooms/" + room + "/availability")
                .then().statusCode(200).body("slots", empty());
        given().auth().oauth2(Tokens.of("admin1")).queryParam("language", language).queryParam("specialty", "TRAUMA")
                .queryParam("from", at(d, "00:00").toString()).queryParam("to", at(d.plusDays(1), "00:00").toString())
                .when().get("/api/rooms/" + room + "/availability")
                .then().statusCode(200).body("slots[0].counsellorIds", contains((int) speaker));
        given().auth().oauth2(Tokens.of("admin1")).queryParam("specialty", "ASTROLOGY")
                .queryParam("from", at(d, "00:00").toString()).queryParam("to", at(d.plusDays(1), "00:00").toString())
                .when().get("/api/rooms/" + room + "/availability")
                .then().statusCode(400).body("errors[0].field", equalTo("specialty"));
    }

    @Test
    void theWindowIsBoundedAndOutsideAccountsAreRefused() {
        long room = RoomFixtures.room(VILLAGE);
        LocalDate d = day(13, 4);
        given().auth().oauth2(Tokens.of("admin1"))
                .queryParam("from", at(d, "00:00").toString()).queryParam("to", at(d.plusDays(40), "00:00").toString())
                .when().get("/api/rooms/" + room + "/availability")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(Tokens.of("official2"))
                .queryParam("from", at(d, "00:00").toString()).queryParam("to", at(d.plusDays(1), "00:00").toString())
                .when().get("/api/rooms/" + room + "/availability")
                .then().statusCode(403);
    }
}
