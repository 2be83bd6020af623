package io.greenribbon.counsellors;

import io.greenribbon.rooms.RoomFixtures;
import io.greenribbon.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A counsellor's calendar subscription: the address is made by the counsellor, read without signing in (its
 * token is the authority), holds their booked sessions without the purpose, and stops working at once when
 * replaced or turned off. Another counsellor cannot make one for them.
 */
@QuarkusTest
class CalendarFeedTest {

    @Test
    void theAddressServesTheBookedSessionsUntilItIsReplacedOrTurnedOff() {
        long counsellor = RoomFixtures.count("SELECT id FROM counsellor WHERE username = 'counsellor1'");
        long room = RoomFixtures.room(RoomFixtures.VILLAGE, "staff1");
        LocalDate d = RoomFixtures.day(8, 2);
        RoomFixtures.book("staff1", RoomFixtures.booking(room, counsellor, RoomFixtures.client("staff1", RoomFixtures.VILLAGE),
                RoomFixtures.at(d, "15:00"), RoomFixtures.at(d, "16:00")));

        String url = made(counsellor);
        assertThat(url).matches("https?://[^/]+/calendar/[A-Za-z0-9_-]{43}\\.ics");
        String ics = given().get(URI.create(url).getPath()).then().statusCode(200)
                .contentType("text/calendar").header("Cache-Control", "no-store").extract().asString().replace("\r\n ", "");
        assertThat(ics).contains("BEGIN:VCALENDAR").contains(RoomFixtures.roomName(room))
                .contains(d.toString().replace("-", "") + "T070000Z").doesNotContain("情绪疏导");

        String replacement = made(counsellor);
        given().get(URI.create(url).getPath()).then().statusCode(404);
        given().get(URI.create(replacement).getPath()).then().statusCode(200);
        given().auth().oauth2(Tokens.of("counsellor2")).post("/api/counsellors/" + counsellor + "/calendar-feed")
                .then().statusCode(org.hamcrest.Matchers.oneOf(403, 404));
        given().auth().oauth2(Tokens.of("counsellor1")).delete("/api/counsellors/" + counsellor + "/calendar-feed")
                .then().statusCode(200);
        given().get(URI.create(replacement).getPath()).then().statusCode(404);
    }

    private static String made(long counsellor) {
        return given().auth().oauth2(Tokens.of("counsellor1")).post("/api/counsellors/" + counsellor + "/calendar-feed")
                .then().statusCode(201).extract().jsonPath().getString("url");
    }
}
