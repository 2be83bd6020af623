package io.greenribbon.rooms;

import io.greenribbon.rooms.booking.BookingCalendarEntries;
import io.greenribbon.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.greenribbon.rooms.RoomFixtures.VILLAGE;
import static io.greenribbon.rooms.RoomFixtures.at;
import static io.greenribbon.rooms.RoomFixtures.iso;
import static io.greenribbon.rooms.RoomFixtures.booking;
import static io.greenribbon.rooms.RoomFixtures.day;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** booked → checked in → completed; no-show; cancelled with reason and who; reschedule keeping history. */
@QuarkusTest
class BookingLifecycleTest {

    @Inject
    BookingCalendarEntries calendar;

    private static ValidatableResponse step(String user, long id, String step, Map<String, Object> body) {
        var request = given().auth().oauth2(Tokens.of(user));
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.when().post("/api/bookings/" + id + "/" + step).then();
    }

    /** A session that started five minutes ago in a room staff1 keeps. */
    private static long happeningNow() {
        long room = RoomFixtures.room(VILLAGE, "staff1");
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).truncatedTo(ChronoUnit.SECONDS);
        return RoomFixtures.bookedNow(room, RoomFixtures.counsellor("130104"), RoomFixtures.client("staff1", VILLAGE),
                start, start.plusMinutes(50));
    }

    private static long bookedAhead(LocalDate d) {
        long room = RoomFixtures.room(VILLAGE, "staff1");
        return RoomFixtures.book("staff1", booking(room, RoomFixtures.counsellor("130104"), RoomFixtures.client("staff1", VILLAGE),
                        at(d, "10:00"), at(d, "11:00")));
    }

    @Test
    void checkedInThenCompleted() {
        long id = happeningNow();
        step("staff1", id, "complete", null).statusCode(409)
                .body("type", equalTo("urn:greenribbon:problem:booking-state")).body("status", equalTo("BOOKED"));
        step("staff1", id, "check-in", null).statusCode(200)
                .body("status", equalTo("CHECKED_IN")).body("checkedInAt", notNullValue());
        step("staff1", id, "check-in", null).statusCode(409).body("status", equalTo("CHECKED_IN"));
        step("staff1", id, "cancel", Map.of("reason", "太晚了")).statusCode(409);
        step("staff1", id, "complete", null).statusCode(200)
                .body("status", equalTo("COMPLETED")).body("completedAt", notNullValue())
                .body("history.kind", contains("BOOKED", "CHECKED_IN", "COMPLETED"))
                .body("history[2].actor", equalTo("staff1"));
    }

    @Test
    void checkInOpensShortlyBeforeTheStart() {
        long id = bookedAhead(day(6, 0));
        step("staff1", id, "check-in", null).statusCode(409)
                .body("type", equalTo("urn:greenribbon:problem:booking-state"));
    }

    @Test
    void noShowOnlyOnceTheSessionHasStarted() {
        step("staff1", bookedAhead(day(6, 1)), "no-show", null).statusCode(409);
        long id = happeningNow();
        step("staff1", id, "no-show", null).statusCode(200)
                .body("status", equalTo("NO_SHOW")).body("noShowAt", notNullValue());
        step("staff1", id, "check-in", null).statusCode(409);
    }

    @Test
    void cancelNeedsAReasonAndRecordsWho() {
        long id = bookedAhead(day(6, 2));
        step("staff1", id, "cancel", Map.of()).statusCode(400).body("errors[0].field", equalTo("reason"));
        step("staff1", id, "cancel", Map.of("reason", "  ")).statusCode(400);
        step("staff1", id, "cancel", Map.of("reason", "来访者生病")).statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancelledBy", equalTo("staff1"))
                .body("cancelReason", equalTo("来访者生病"))
                .body("history.kind", contains("BOOKED", "CANCELLED"))
                .body("history[1].reason", equalTo("来访者生病"));
        step("staff1", id, "cancel", Map.of("reason", "again")).statusCode(409);
    }

    @Test
    void rescheduleKeepsTheBookingAndItsHistory() {
        LocalDate d = day(6, 3);
        long id = bookedAhead(d);
        LocalDate later = day(6, 4);
        step("staff1", id, "reschedule", Map.of("start", at(later, "15:00").toString(),
                "end", at(later, "16:00").toString(), "reason", "咨询师出差")).statusCode(200)
                .body("id", equalTo((int) id))
                .body("start", equalTo(iso(later, "15:00")))
                .body("reschedules", equalTo(1))
                .body("history.kind", contains("BOOKED", "RESCHEDULED"))
                .body("history[0].start", equalTo(iso(d, "10:00")))
                .body("history[1].start", equalTo(iso(later, "15:00")))
                .body("history[1].reason", equalTo("咨询师出差"));
        // The old time is free again for the same room.
        long room = given().auth().oauth2(Tokens.of("staff1")).get("/api/bookings/" + id).then().extract()
                .jsonPath().getLong("roomId");
        given().auth().oauth2(Tokens.of("staff1")).contentType(ContentType.JSON)
                .body(booking(room, RoomFixtures.counsellor("130104"), RoomFixtures.client("staff1", VILLAGE),
                        at(d, "10:00"), at(d, "11:00")))
                .when().post("/api/bookings").then().statusCode(201);
    }

    @Test
    void rescheduleIntoACollisionIsRefusedAndChangesNothing() {
        LocalDate d = day(6, 5);
        long room = RoomFixtures.room(VILLAGE, "staff1");
        long client = RoomFixtures.client("staff1", VILLAGE);
        long other = RoomFixtures.book("staff1", booking(room, RoomFixtures.counsellor("130104"), client, at(d, "14:00"), at(d, "15:00")));
        long id = RoomFixtures.book("staff1", booking(room, RoomFixtures.counsellor("130104"), RoomFixtures.client("staff1", VILLAGE),
                        at(d, "09:00"), at(d, "10:00")));
        step("staff1", id, "reschedule", Map.of("start", at(d, "14:30").toString(), "end", at(d, "15:30").toString()))
                .statusCode(409).body("resource", equalTo("room")).body("conflictingBookingId", equalTo((int) other));
        step("staff1", id, "reschedule", Map.of("start", at(d, "23:00").toString(), "end", at(d, "23:30").toString()))
                .statusCode(400).body("rules", org.hamcrest.Matchers.hasItem("opening-hours"));
        given().auth().oauth2(Tokens.of("staff1")).get("/api/bookings/" + id).then()
                .body("start", equalTo(iso(d, "09:00"))).body("reschedules", equalTo(0))
                .body("history.kind", contains("BOOKED"));
    }

    @Test
    void sessionsAppearInTheCounsellorsCalendarEntries() throws Throwable {
        LocalDate d = day(6, 6);
        long room = RoomFixtures.room(VILLAGE, "staff1");
        long counsellor = RoomFixtures.counsellor("130104");
        long id = RoomFixtures.book("staff1", booking(room, counsellor, RoomFixtures.client("staff1", VILLAGE), at(d, "09:00"), at(d, "10:00")));
        step("staff1", id, "reschedule", Map.of("start", at(d, "11:00").toString(), "end", at(d, "12:00").toString()))
                .statusCode(200);
        List<BookingCalendarEntries.Entry> entries = io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() ->
                calendar.entries(counsellor, at(d, "00:00"), at(d.plusDays(1), "00:00")));
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).uid()).isEqualTo("booking-" + id + "@greenribbon");
        assertThat(entries.get(0).sequence()).isEqualTo(1);
        assertThat(entries.get(0).start()).isEqualTo(at(d, "11:00"));
        assertThat(entries.get(0).cancelled()).isFalse();
        assertThat(entries.get(0).summary()).doesNotContain("13800000000");
        step("staff1", id, "cancel", Map.of("reason", "改为电话咨询")).statusCode(200);
        entries = io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() ->
                calendar.entries(counsellor, at(d, "00:00"), at(d.plusDays(1), "00:00")));
        assertThat(entries.get(0).cancelled()).isTrue();
        assertThat(entries.get(0).sequence()).isEqualTo(2);

        String ics = io.restassured.RestAssured.given().auth().oauth2(io.greenribbon.testkit.Tokens.of("admin1"))
                .when().get("/api/counsellors/" + counsellor + "/calendar.ics")
                .then().statusCode(200).extract().asString().replace("\r\n ", "");
        assertThat(ics).contains("UID:booking-" + id + "@greenribbon").contains("STATUS:CANCELLED")
                .doesNotContain("13800000000");
    }

}
