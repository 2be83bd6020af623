package io.greenribbon.rooms;

import io.greenribbon.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import static io.greenribbon.rooms.RoomFixtures.VILLAGE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

/** Pseudonymous clients: a code, contact details sealed at rest and shown one record at a time. */
@QuarkusTest
class ClientResourceTest {

    @Test
    void contactDetailsAreSealedAtRestAndOpenedForTheirVillage() throws Exception {
        String phone = "139" + (10_000_000 + System.nanoTime() % 89_999_999);
        var created = given().auth().oauth2(Tokens.of("staff1")).contentType(ContentType.JSON)
                .body(Map.of("division", VILLAGE, "contact", Map.of("name", "李阿姨", "phone", phone, "note", "上午方便")))
                .when().post("/api/clients")
                .then().statusCode(201)
                .body("code", matchesPattern("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$"))
                .extract().jsonPath();
        long id = created.getLong("id");
        String code = created.getString("code");
        try (Connection c = RoomFixtures.db(); PreparedStatement s = c.prepareStatement(
                "SELECT contact_sealed FROM room_client WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                String sealed = rs.getString(1);
                assertThat(sealed).startsWith("test2:").doesNotContain(phone).doesNotContain("李阿姨");
                byte[] raw = java.util.Base64.getDecoder().decode(sealed.substring(sealed.indexOf(':') + 1));
                assertThat(new String(raw, StandardCharsets.ISO_8859_1)).doesNotContain(phone);
            }
        }
        given().auth().oauth2(Tokens.of("staff1")).when().get("/api/clients/" + id).then().statusCode(200)
                .body("contact.phone", equalTo(phone)).body("contact.name", equalTo("李阿姨"));
        given().auth().oauth2(Tokens.of("staff1")).queryParam("code", code).when().get("/api/clients").then()
                .statusCode(200).body("id", equalTo((int) id)).body("$", not(hasKey("contact")));
        given().auth().oauth2(Tokens.of("staff2")).when().get("/api/clients/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.of("staff2")).queryParam("code", code).when().get("/api/clients").then().statusCode(404);
        given().auth().oauth2(Tokens.of("official1")).when().get("/api/clients/" + id).then().statusCode(403);
    }

    @Test
    void aSealedContactMovedToAnotherClientCannotBeOpened() {
        long a = RoomFixtures.client("staff1", VILLAGE);
        long b = RoomFixtures.client("staff1", VILLAGE);
        RoomFixtures.execute("UPDATE room_client SET contact_sealed = (SELECT contact_sealed FROM room_client WHERE id = ?) "
                + "WHERE id = ?", a, b);
        given().auth().oauth2(Tokens.of("staff1")).when().get("/api/clients/" + b).then().statusCode(500);
        given().auth().oauth2(Tokens.of("staff1")).when().get("/api/clients/" + a).then().statusCode(200);
    }

    @Test
    void staffRegisterOnlyInTheirVillageAndPhonesAreChecked() {
        given().auth().oauth2(Tokens.of("staff1")).contentType(ContentType.JSON)
                .body(Map.of("division", RoomFixtures.OTHER_VILLAGE)).when().post("/api/clients").then().statusCode(403);
        given().auth().oauth2(Tokens.of("staff1")).contentType(ContentType.JSON)
                .body(Map.of("division", VILLAGE, "contact", Map.of("phone", "call me")))
                .when().post("/api/clients").then().statusCode(400).body("errors[0].field", equalTo("contact.phone"));
        given().auth().oauth2(Tokens.of("staff1")).contentType(ContentType.JSON)
                .body(Map.of("division", VILLAGE)).when().post("/api/clients").then().statusCode(201);
    }
}
