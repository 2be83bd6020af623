package io.greenribbon.rooms;

import io.greenribbon.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.greenribbon.rooms.RoomFixtures.VILLAGE;
import static io.greenribbon.rooms.RoomFixtures.at;
import static io.greenribbon.rooms.RoomFixtures.booking;
import static io.greenribbon.rooms.RoomFixtures.day;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refused booking says what collides in words (the other booking's time and room) and offers the next three
 * free slots for the same choice, the same the suggestions query answers, and each of them books; every step
 * of a booking's life, registering a client and changing a room honour an Idempotency-Key.
 */
@QuarkusTest
class SlotSuggestionTest {

    @Test
    void aCollisionOffersTheNextThreeFreeSlotsAndTheFirstBooks() {
        long room = RoomFixtures.room(VILLAGE, "staff1");
        long otherRoom = RoomFixtures.room(VILLAGE, "staff1");
        long counsellor = RoomFixtures.counsellor("130104");
        long client = RoomFixtures.client("staff1", VILLAGE);
        LocalDate d = day(12, 0);
        long other = RoomFixtures.book("staff1", booking(otherRoom, counsellor, RoomFixtures.client("staff1", VILLAGE),
                at(d, "10:00"), at(d, "11:00")));
        RoomFixtures.book("staff1", booking(room, RoomFixtures.counsellor("130104"), RoomFixtures.client("staff1", VILLAGE),
                at(d, "11:00"), at(d, "12:00")));

        JsonPath refused = post(booking(room, counsellor, client, at(d, "10:00"), at(d, "11:00"))).then().statusCode(409)
                .extract().jsonPath();
        assertThat(refused.getString("resource")).isEqualTo("counsellor");
        assertThat(refused.getString("detail")).contains(String.valueOf(other)).contains(d + " 10:00–11:00")
                .contains(RoomFixtures.roomName(otherRoom));
        assertThat(refused.getString("conflicts[0].conflictingRoomName")).isEqualTo(RoomFixtures.roomName(otherRoom));
        assertThat(refused.getString("conflicts[0].conflictingClientCode")).matches("[0-9A-Z]{4}-[0-9A-Z]{4}");
        // 10:30 still collides with the counsellor, 11:00 and 11:30 with the room: the first free is 12:00.
        List<String> offered = refused.getList("suggestions.start");
        assertThat(offered).hasSize(3);
        assertThat(OffsetDateTime.parse(offered.get(0)).toLocalTime()).hasToString("12:00");
        assertThat(OffsetDateTime.parse(offered.get(1))).isEqualTo(OffsetDateTime.parse(offered.get(0)).plusHours(1));

        List<String> queried = given().auth().oauth2(Tokens.of("staff1"))
                .queryParam("counsellor", counsellor).queryParam("client", client)
                .queryParam("start", at(d, "10:00").toString()).queryParam("end", at(d, "11:00").toString())
                .get("/api/rooms/" + room + "/suggestions").then().statusCode(200).extract().jsonPath()
                .getList("suggestions.start");
        assertThat(queried).isEqualTo(offered);

        OffsetDateTime start = OffsetDateTime.parse(offered.get(0));
        post(booking(room, counsellor, client, start, start.plusHours(1))).then().statusCode(201);
        // Another village's staff may not ask about staff1's room.
        given().auth().oauth2(Tokens.of("staff2")).queryParam("counsellor", counsellor).queryParam("client", client)
                .queryParam("start", at(d, "10:00").toString()).queryParam("end", at(d, "11:00").toString())
                .get("/api/rooms/" + room + "/suggestions").then().statusCode(403);
    }

    @Test
    void aStepSentTwiceIsTakenOnce() {
        long room = RoomFixtures.room(VILLAGE, "staff1");
        ZonedDateTime now = ZonedDateTime.now(RoomFixtures.ZONE).truncatedTo(ChronoUnit.MINUTES);
        long id = RoomFixtures.bookedNow(room, RoomFixtures.counsellor("130104"), RoomFixtures.client("staff1", VILLAGE),
                now.minusMinutes(5).toOffsetDateTime(), now.plusMinutes(45).toOffsetDateTime());
        String key = UUID.randomUUID().toString();
        Response first = step(id, "check-in", key);
        first.then().statusCode(200);
        Response again = step(id, "check-in", key);
        again.then().statusCode(200).header("Idempotent-Replayed", "true");
        assertThat(again.asString()).isEqualTo(first.asString());
        // Without the key the step is asked for anew, and refused: the session is checked in already.
        given().auth().oauth2(Tokens.of("staff1")).contentType(ContentType.JSON).post("/api/bookings/" + id + "/check-in")
                .then().statusCode(409);
        assertThat(RoomFixtures.count("SELECT count(*) FROM booking_event WHERE booking_id = ? AND kind = 'CHECKED_IN'", id))
                .isEqualTo(1);
    }

    @Test
    void registeringAClientTwiceWithOneKeyRegistersOne() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("division", VILLAGE, "contact", Map.of("name", "小赵", "phone", "13800002222"));
        Response first = given().auth().oauth2(Tokens.of("staff1")).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body).post("/api/clients");
        first.then().statusCode(201);
        given().auth().oauth2(Tokens.of("staff1")).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/clients").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("code", org.hamcrest.Matchers.equalTo(first.jsonPath().getString("code")));
        assertThat(RoomFixtures.count("SELECT count(*) FROM room_client WHERE code = ?", first.jsonPath().getString("code")))
                .isEqualTo(1);
    }

    private static Response post(Map<String, Object> body) {
        return given().auth().oauth2(Tokens.of("staff1")).contentType(ContentType.JSON).body(body).post("/api/bookings");
    }

    private static Response step(long id, String step, String key) {
        return given().auth().oauth2(Tokens.of("staff1")).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .post("/api/bookings/" + id + "/" + step);
    }
}
