package io.greenribbon.rooms;

import io.greenribbon.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.greenribbon.rooms.RoomFixtures.OTHER_VILLAGE;
import static io.greenribbon.rooms.RoomFixtures.VILLAGE;
import static io.greenribbon.rooms.RoomFixtures.at;
import static io.greenribbon.rooms.RoomFixtures.booking;
import static io.greenribbon.rooms.RoomFixtures.day;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * Room staff keep only their own rooms: staff2 (village 130104001002) can neither change nor book
 * staff1's room (130104001001), nor see its bookings or clients; county and city accounts see their
 * jurisdiction's rooms; accounts outside it see none.
 */
@QuarkusTest
class RoomJurisdictionTest {

    @Test
    void staffOfOneVillageCannotBookAnotherVillagesRoom() {
        long staff1Room = RoomFixtures.room(VILLAGE, "staff1");
        long counsellor = RoomFixtures.counsellor("130104");
        long staff2Client = RoomFixtures.client("staff2", OTHER_VILLAGE);
        LocalDate d = day(7, 0);
        given().auth().oauth2(Tokens.of("staff2")).contentType(ContentType.JSON)
                .body(booking(staff1Room, counsellor, staff2Client, at(d, "09:00"), at(d, "10:00")))
                .when().post("/api/bookings")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:greenribbon:problem:out-of-jurisdiction"));
        long staff2Room = RoomFixtures.room(OTHER_VILLAGE, "staff2");
        given().auth().oauth2(Tokens.of("staff2")).contentType(ContentType.JSON)
                .body(booking(staff2Room, counsellor, staff2Client, at(d, "09:00"), at(d, "10:00")))
                .when().post("/api/bookings").then().statusCode(201);
        assertThat(RoomFixtures.count("SELECT count(*) FROM booking WHERE room_id = ?", staff1Room)).isZero();
    }

    @Test
    void staffMayBookOnlyTheRoomsTheyAreListedFor() {
        long unlisted = RoomFixtures.room(VILLAGE);
        LocalDate d = day(7, 1);
        given().auth().oauth2(Tokens.of("staff1")).contentType(ContentType.JSON)
                .body(booking(unlisted, RoomFixtures.counsellor("130104"), RoomFixtures.client("staff1", VILLAGE),
                        at(d, "09:00"), at(d, "10:00")))
                .when().post("/api/bookings")
                .then().statusCode(403).body("type", equalTo("urn:greenribbon:problem:forbidden"));
    }

    @Test
    void staffCannotUseAClientOfAnotherVillage() {
        long room = RoomFixtures.room(OTHER_VILLAGE, "staff2");
        long staff1Client = RoomFixtures.client("staff1", VILLAGE);
        LocalDate d = day(7, 2);
        given().auth().oauth2(Tokens.of("staff2")).contentType(ContentType.JSON)
                .body(booking(room, RoomFixtures.counsellor("130104"), staff1Client, at(d, "09:00"), at(d, "10:00")))
                .when().post("/api/bookings")
                .then().statusCode(400).body("errors[0].field", equalTo("clientId"));
        given().auth().oauth2(Tokens.of("staff2")).when().get("/api/clients/" + staff1Client).then().statusCode(404);
    }

    @Test
    void bookingsOfAnotherVillageAreNeitherListedNorFound() {
        long room = RoomFixtures.room(VILLAGE, "staff1");
        long counsellor = RoomFixtures.counsellor("130104");
        LocalDate d = day(7, 3);
        long id = RoomFixtures.book("staff1", booking(room, counsellor, RoomFixtures.client("staff1", VILLAGE), at(d, "09:00"), at(d, "10:00")));
        given().auth().oauth2(Tokens.of("staff2")).when().get("/api/bookings/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.of("staff2")).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .when().post("/api/bookings/" + id + "/cancel").then().statusCode(404);
        given().auth().oauth2(Tokens.of("staff2")).queryParam("from", at(d, "00:00").toString())
                .queryParam("to", at(d.plusDays(1), "00:00").toString())
                .when().get("/api/bookings").then().statusCode(200).body("id", not(hasItem((int) id)));
        given().auth().oauth2(Tokens.of("staff1")).queryParam("from", at(d, "00:00").toString())
                .queryParam("to", at(d.plusDays(1), "00:00").toString()).queryParam("room", room)
                .when().get("/api/bookings").then().statusCode(200)
                .body("id", hasItem((int) id))
                .body("[0]", not(org.hamcrest.Matchers.hasKey("contact")));
        given().auth().oauth2(Tokens.of("official1")).when().get("/api/bookings/" + id).then().statusCode(403);
    }

    @Test
    void aCounsellorSeesTheirOwnSessions() {
        long room = RoomFixtures.room(VILLAGE, "staff1");
        long counsellor1 = RoomFixtures.count("SELECT id FROM counsellor WHERE username = 'counsellor1'");
        LocalDate d = day(7, 4);
        long id = RoomFixtures.book("staff1", booking(room, counsellor1, RoomFixtures.client("staff1", VILLAGE), at(d, "20:00"), at(d, "21:00")));
        given().auth().oauth2(Tokens.of("counsellor1")).when().get("/api/bookings/" + id).then().statusCode(200)
                .body("counsellorId", equalTo((int) counsellor1));
        given().auth().oauth2(Tokens.of("counsellor2")).when().get("/api/bookings/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.of("counsellor1")).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .when().post("/api/bookings/" + id + "/cancel").then().statusCode(403);
    }

    @Test
    void staffChangeTheirOwnRoomOnlyAndNeverItsStaffList() {
        long staff1Room = RoomFixtures.room(VILLAGE, "staff1");
        given().auth().oauth2(Tokens.of("staff1")).contentType(ContentType.JSON)
                .body(Map.of("capacity", 6, "weeklyHours", List.of(Map.of("day", "MONDAY", "opens", "09:00", "closes", "12:00"))))
                .when().patch("/api/rooms/" + staff1Room).then().statusCode(200)
                .body("capacity", equalTo(6)).body("weeklyHours.day", org.hamcrest.Matchers.contains("MONDAY"));
        given().auth().oauth2(Tokens.of("staff1")).contentType(ContentType.JSON).body(Map.of("staff", List.of("staff1", "x")))
                .when().patch("/api/rooms/" + staff1Room).then().statusCode(403);
        given().auth().oauth2(Tokens.of("staff2")).contentType(ContentType.JSON).body(Map.of("capacity", 2))
                .when().patch("/api/rooms/" + staff1Room).then().statusCode(403);
        given().auth().oauth2(Tokens.of("staff2")).when().get("/api/rooms/" + staff1Room).then().statusCode(403);
        given().auth().oauth2(Tokens.of("staff1")).contentType(ContentType.JSON).body(Map.of("name", "x", "division", VILLAGE))
                .when().post("/api/rooms").then().statusCode(403);
    }

    @Test
    void countyAndCityAccountsSeeTheirJurisdictionsRooms() {
        long qiaoxiRoom = RoomFixtures.room(VILLAGE);
        given().auth().oauth2(Tokens.of("official1")).queryParam("division", "130104").queryParam("size", 500)
                .when().get("/api/rooms").then().statusCode(200)
                .body("division", everyItem(startsWith("130104")))
                .body("id", hasItem((int) qiaoxiRoom));
        given().auth().oauth2(Tokens.of("supervisor1")).when().get("/api/rooms/" + qiaoxiRoom).then().statusCode(200);
        given().auth().oauth2(Tokens.of("official2")).when().get("/api/rooms/" + qiaoxiRoom).then().statusCode(403);
        given().auth().oauth2(Tokens.of("official2")).when().get("/api/rooms").then().statusCode(200)
                .body("division", everyItem(startsWith("130105")));
        given().auth().oauth2(Tokens.of("official2")).queryParam("division", "130104")
                .when().get("/api/rooms").then().statusCode(403);
        given().auth().oauth2(Tokens.of("staff1")).queryParam("mine", true).when().get("/api/rooms").then()
                .statusCode(200).body("staff", everyItem(hasItem("staff1")));
    }

    @Test
    void everyQiaoxiVillageHasADemoRoomWithAWeekOfBookings() {
        long villages = RoomFixtures.count("SELECT count(*) FROM division WHERE code LIKE '130104%' AND level = 'VILLAGE'");
        long withRoom = RoomFixtures.count("""
                SELECT count(*) FROM division d WHERE d.code LIKE '130104%' AND d.level = 'VILLAGE'
                  AND EXISTS (SELECT 1 FROM room r WHERE r.division_code = d.code)""");
        assertThat(villages).isGreaterThanOrEqualTo(60);
        assertThat(withRoom).isEqualTo(villages);
        assertThat(RoomFixtures.count("""
                SELECT count(*) FROM booking b JOIN room r ON r.id = b.room_id
                WHERE r.division_code = '130104001001' AND b.created_by = 'staff1'
                  AND b.starts_at >= date_trunc('day', now()) AND b.starts_at < now() + interval '7 days'""")).isPositive();
    }
}
