package io.greenribbon.rooms;

import io.greenribbon.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.greenribbon.rooms.RoomFixtures.VILLAGE;
import static io.greenribbon.rooms.RoomFixtures.at;
import static io.greenribbon.rooms.RoomFixtures.iso;
import static io.greenribbon.rooms.RoomFixtures.booking;
import static io.greenribbon.rooms.RoomFixtures.day;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** Each booking rule, through POST /api/bookings: 201 when kept, 400 naming the field and rule when not. */
@QuarkusTest
class BookingRulesTest {

    private static ValidatableResponse post(Map<String, Object> body) {
        return given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON).body(body)
                .when().post("/api/bookings").then();
    }

    private static void refused(Map<String, Object> body, String rule, String field) {
        post(body).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:greenribbon:problem:validation"))
                .body("rules", hasItem(rule))
                .body("errors.field", hasItem(field));
    }

    @Test
    void aSessionInsideOpeningHoursIsBookedWithLocationAndHistory() {
        long room = RoomFixtures.room(VILLAGE);
        long counsellor = RoomFixtures.counsellor("130104");
        long client = RoomFixtures.client("admin1", VILLAGE);
        LocalDate d = day(3, 0);
        String location = post(booking(room, counsellor, client, at(d, "09:00"), at(d, "09:50")))
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/bookings/"))
                .body("status", equalTo("BOOKED"))
                .body("start", equalTo(iso(d, "09:00")))
                .body("clientCode", notNullValue())
                .body("createdBy", equalTo("admin1"))
                .extract().header("Location");
        given().auth().oauth2(Tokens.of("admin1")).when().get(location).then().statusCode(200)
                .body("history.kind", contains("BOOKED"))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("contact")));
    }

    @Test
    void outsideOpeningHoursIsRefused() {
        long room = RoomFixtures.room(VILLAGE);
        long counsellor = RoomFixtures.counsellor("130104");
        long client = RoomFixtures.client("admin1", VILLAGE);
        LocalDate d = day(3, 1);
        refused(booking(room, counsellor, client, at(d, "21:30"), at(d, "22:30")), "opening-hours", "start");
        refused(booking(room, counsellor, client, at(d, "05:00"), at(d, "06:30")), "opening-hours", "start");
    }

    @Test
    void closuresCloseAndExtraOpeningsOpen() {
        LocalDate closed = day(3, 2);
        LocalDate extra = day(3, 3);
        long room = RoomFixtures.room(VILLAGE, Map.of(
                "weeklyHours", List.of(Map.of("day", closed.getDayOfWeek().name(), "opens", "09:00", "closes", "17:00")),
                "datedHours", List.of(
                        Map.of("date", closed.toString(), "kind", "CLOSED", "note", "村委会换届"),
                        Map.of("date", extra.toString(), "kind", "OPEN", "opens", "18:00", "closes", "20:00"))));
        long counsellor = RoomFixtures.counsellor("130104");
        long client = RoomFixtures.client("admin1", VILLAGE);
        refused(booking(room, counsellor, client, at(closed, "10:00"), at(closed, "11:00")), "opening-hours", "start");
        post(booking(room, counsellor, client, at(extra, "18:30"), at(extra, "19:30"))).statusCode(201);
        refused(booking(room, counsellor, client, at(extra, "10:00"), at(extra, "11:00")), "opening-hours", "start");
    }

    @Test
    void pastAndShortNoticeAreRefused() {
        long room = RoomFixtures.room(VILLAGE);
        long counsellor = RoomFixtures.counsellor("130104");
        long client = RoomFixtures.client("admin1", VILLAGE);
        OffsetDateTime yesterday = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).withMinute(0).withSecond(0).withNano(0);
        refused(booking(room, counsellor, client, yesterday, yesterday.plusMinutes(50)), "past", "start");
        OffsetDateTime soon = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(20).withSecond(0).withNano(0);
        refused(booking(room, counsellor, client, soon, soon.plusMinutes(50)), "minimum-notice", "start");
        OffsetDateTime farAway = at(LocalDate.now(RoomFixtures.ZONE).plusDays(200), "10:00");
        refused(booking(room, counsellor, client, farAway, farAway.plusMinutes(50)), "maximum-advance", "start");
    }

    @Test
    void lengthLimitsAndOrderAreRefused() {
        long room = RoomFixtures.room(VILLAGE);
        long counsellor = RoomFixtures.counsellor("130104");
        long client = RoomFixtures.client("admin1", VILLAGE);
        LocalDate d = day(3, 4);
        refused(booking(room, counsellor, client, at(d, "08:00"), at(d, "11:30")), "maximum-length", "end");
        refused(booking(room, counsellor, client, at(d, "08:00"), at(d, "08:10")), "minimum-length", "end");
        refused(booking(room, counsellor, client, at(d, "09:00"), at(d, "08:00")), "order", "end");
    }

    @Test
    void counsellorMustBeActiveAndWithinReach() {
        long room = RoomFixtures.room(VILLAGE);
        long client = RoomFixtures.client("admin1", VILLAGE);
        LocalDate d = day(3, 5);
        long suspended = RoomFixtures.counsellors("130104", "SUSPENDED", 1).get(0);
        refused(booking(room, suspended, client, at(d, "09:00"), at(d, "10:00")), "counsellor-inactive", "counsellorId");
        long xinhua = RoomFixtures.counsellor("130105");
        refused(booking(room, xinhua, client, at(d, "09:00"), at(d, "10:00")), "counsellor-out-of-reach", "counsellorId");
        long cityPool = RoomFixtures.counsellor("1301");
        post(booking(room, cityPool, client, at(d, "09:00"), at(d, "10:00"))).statusCode(201);
    }

    @Test
    void aSuspendedRoomAndAMissingFacilityAreRefused() {
        long suspended = RoomFixtures.room(VILLAGE, Map.of("status", "SUSPENDED"));
        long noLinks = RoomFixtures.room(VILLAGE, Map.of("facilities", List.of("PRIVATE")));
        long counsellor = RoomFixtures.counsellor("130104");
        long client = RoomFixtures.client("admin1", VILLAGE);
        LocalDate d = day(3, 6);
        refused(booking(suspended, counsellor, client, at(d, "09:00"), at(d, "10:00")), "room-suspended", "roomId");
        Map<String, Object> video = booking(noLinks, counsellor, client, at(d, "09:00"), at(d, "10:00"));
        video.put("mode", "VIDEO");
        refused(video, "mode-facility", "mode");
        video.put("mode", "IN_PERSON");
        post(video).statusCode(201);
    }

    @Test
    void unknownPartiesNameTheirField() {
        long room = RoomFixtures.room(VILLAGE);
        long counsellor = RoomFixtures.counsellor("130104");
        long client = RoomFixtures.client("admin1", VILLAGE);
        LocalDate d = day(4, 0);
        post(booking(room, 999_999_999L, client, at(d, "09:00"), at(d, "10:00"))).statusCode(400)
                .body("errors[0].field", equalTo("counsellorId"));
        post(booking(room, counsellor, 999_999_999L, at(d, "09:00"), at(d, "10:00"))).statusCode(400)
                .body("errors[0].field", equalTo("clientId"));
        post(booking(999_999_999L, counsellor, client, at(d, "09:00"), at(d, "10:00"))).statusCode(400)
                .body("errors[0].field", equalTo("roomId"));
        Map<String, Object> missing = booking(room, counsellor, client, at(d, "09:00"), at(d, "10:00"));
        missing.remove("mode");
        post(missing).statusCode(400).body("errors[0].field", equalTo("mode"));
    }
}
