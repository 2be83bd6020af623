package io.greenribbon.rooms;

import io.greenribbon.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.greenribbon.rooms.RoomFixtures.VILLAGE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Creating, reading and changing rooms, and the CSV import. */
@QuarkusTest
class RoomResourceTest {

    @Test
    void anAdminCreatesARoomWithHoursFacilitiesAndStaff() {
        String name = "和平社区心理咨询室 " + System.nanoTime();
        Map<String, Object> body = Map.of("division", VILLAGE, "name", name, "address", "和平路 12 号", "capacity", 6,
                "stepFree", true, "accessibilityNote", "一楼，有坡道",
                "facilities", List.of("PRIVATE", "VIDEO_LINK"),
                "weeklyHours", List.of(Map.of("day", "MONDAY", "opens", "08:30", "closes", "12:00"),
                        Map.of("day", "MONDAY", "opens", "14:00", "closes", "17:30")),
                "datedHours", List.of(Map.of("date", "2027-02-10", "kind", "CLOSED", "note", "春节")),
                "staff", List.of("staff1"));
        long id = given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON).body(body)
                .when().post("/api/rooms")
                .then().statusCode(201)
                .body("status", equalTo("OPEN"))
                .body("facilities", containsInAnyOrder("PRIVATE", "VIDEO_LINK"))
                .body("weeklyHours.opens", contains("08:30:00", "14:00:00"))
                .body("datedHours[0].kind", equalTo("CLOSED"))
                .body("staff", contains("staff1"))
                .extract().jsonPath().getLong("id");
        given().auth().oauth2(Tokens.of("staff1")).when().get("/api/rooms/" + id).then().statusCode(200)
                .body("name", equalTo(name)).body("stepFree", equalTo(true));
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON).body(body)
                .when().post("/api/rooms").then().statusCode(409).body("existingRoomId", equalTo((int) id));
    }

    @Test
    void badHoursNameTheirFieldAndChangeNothing() {
        long id = RoomFixtures.room(VILLAGE, "staff1");
        given().auth().oauth2(Tokens.of("staff1")).contentType(ContentType.JSON)
                .body(Map.of("capacity", 9, "weeklyHours", List.of(
                        Map.of("day", "TUESDAY", "opens", "09:00", "closes", "12:00"),
                        Map.of("day", "TUESDAY", "opens", "11:00", "closes", "13:00"),
                        Map.of("day", "FRIDAY", "opens", "15:00", "closes", "14:00"))))
                .when().patch("/api/rooms/" + id)
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("weeklyHours[1]", "weeklyHours[2].closes"));
        given().auth().oauth2(Tokens.of("admin1")).when().get("/api/rooms/" + id).then()
                .body("capacity", equalTo(4)).body("weeklyHours.size()", equalTo(7));
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(Map.of("division", "1301", "name", "x", "address", "y", "capacity", 0))
                .when().post("/api/rooms")
                .then().statusCode(400).body("errors.field", hasItem("division")).body("errors.field", hasItem("capacity"));
    }

    @Test
    void anAdminSuspendsAndReopensARoom() {
        long id = RoomFixtures.room(VILLAGE, "staff1");
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON).body(Map.of("status", "SUSPENDED"))
                .when().patch("/api/rooms/" + id).then().statusCode(200).body("status", equalTo("SUSPENDED"))
                .body("version", equalTo(1));
        given().auth().oauth2(Tokens.of("admin1")).queryParam("status", "SUSPENDED").queryParam("division", VILLAGE)
                .when().get("/api/rooms").then().statusCode(200).body("id", hasItem((int) id));
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(Map.of("status", "OPEN", "staff", List.of("staff1", "staff2")))
                .when().patch("/api/rooms/" + id).then().statusCode(200)
                .body("status", equalTo("OPEN")).body("staff", contains("staff1", "staff2"));
    }
}
