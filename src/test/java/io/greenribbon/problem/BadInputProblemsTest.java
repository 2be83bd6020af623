package io.greenribbon.problem;

import io.greenribbon.risk.HotlineCalls;
import io.greenribbon.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

/**
 * What a client is told about input the API cannot take: which fields or parameters, and what they must be,
 * in the caller's language. ({@link BadInputWalkTest} holds every endpoint to the same rules.)
 */
@QuarkusTest
class BadInputProblemsTest {

    private static final String VALIDATION = "urn:greenribbon:problem:validation";

    @Inject
    HotlineCalls calls;

    @Test
    void aMisspeltFieldIsRefusedByNameAndNothingIsSaved() {
        long contact = calls.answered("counsellor1", HotlineCalls.newNumber());
        String path = "/api/hotline/contacts/" + contact;
        Map<String, Object> before = as("counsellor1").get(path).then().statusCode(200).extract().jsonPath().getMap("form");

        as("counsellor1").header("Accept-Language", "en")
                .body(Map.of("note", "Called about exam stress; will call back.", "dificult", true, "highCrisis", true))
                .patch(path).then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(VALIDATION))
                .body("errors.field", containsInAnyOrder("note", "dificult"))
                .body("errors.message", everyItem(equalTo("No such field (misspelt?); the request was not processed")));
        assertThat(as("counsellor1").get(path).then().statusCode(200).extract().jsonPath().getMap("form"))
                .as("the form after the refused patch, even its one good field").isEqualTo(before);

        as("counsellor1").body(Map.of("notes", "Called about exam stress; will call back.", "difficult", true))
                .patch(path).then().statusCode(200).body("form.difficult", equalTo(true));
    }

    @Test
    void unknownFieldsAreNamedWhereverTheyAreAndInChineseByDefault() {
        as("admin1").body("""
                        {"division": "130104001001", "name": "测试室", "address": "某街 1 号", "capacity": 2, "colour": "green",
                         "weeklyHours": [{"day": "MONDAY", "opens": "08:00", "closes": "12:00"},
                                         {"day": "TUESDAY", "opens": "08:00", "closes": "12:00", "lunch": true}]}""")
                .post("/api/rooms").then().statusCode(400)
                .body("type", equalTo(VALIDATION))
                .body("errors.field", containsInAnyOrder("colour", "weeklyHours[1].lunch"))
                .body("errors.message", everyItem(equalTo("没有这个字段（可能拼写有误），请求未被处理")));
    }

    @Test
    void brokenJsonAndValuesOfTheWrongTypeNameTheirField() {
        as("supervisor1").header("Accept-Language", "en").body("{\"state\": \"PAUSED\", \"reason\": ")
                .put("/api/hotline/presence").then().statusCode(400)
                .body("type", equalTo("urn:greenribbon:problem:malformed-request"))
                .body("errors.field", contains("reason"));
        as("supervisor1").header("Accept-Language", "en").body(Map.of("state", "ASLEEP"))
                .put("/api/hotline/presence").then().statusCode(400)
                .body("type", equalTo(VALIDATION))
                .body("errors.field", contains("state"))
                .body("errors[0].message", equalTo("Must be one of: OFFLINE, AVAILABLE, PAUSED, WRAP_UP"));
        as("supervisor1").header("Accept-Language", "en").body(Map.of("state", 1))
                .put("/api/hotline/presence").then().statusCode(400).body("errors.field", contains("state"));
        as("supervisor1").header("Accept-Language", "en")
                .body(Map.of("contactId", new java.math.BigInteger("99999999999999999999"), "answers", Map.of()))
                .post("/api/risk/screenings").then().statusCode(400)
                .body("errors.find { it.field == 'contactId' }.message",
                        equalTo("Must be a whole number from -9223372036854775808 to 9223372036854775807"));
    }

    @Test
    void unparsableParametersNameTheParameterInsteadOfLosingTheRoute() {
        as("supervisor1").header("Accept-Language", "en").body(Map.of("service", "120", "shared", java.util.List.of("LOCATION")))
                .post("/api/risk/cases/99999999999999999999/emergency-referral").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(VALIDATION))
                .body("errors.field", contains("id"))
                .body("errors[0].message", equalTo("Must be a whole number from -9223372036854775808 to 9223372036854775807"));
        as("supervisor1").get("/api/risk/cases?limit=ten").then().statusCode(400).body("errors.field", contains("limit"));
        as("supervisor1").header("Accept-Language", "en").get("/api/risk/break-glass?reviewed=maybe").then().statusCode(400)
                .body("errors.field", contains("reviewed")).body("errors[0].message", equalTo("Must be one of: true, false"));
        as("admin1").get("/api/bookings?from=tomorrow").then().statusCode(400).body("errors.field", contains("from"));
        // Constraints on a parameter name it as the client sends it, not by its Java name.
        as("admin1").get("/api/counsellors?q=" + "x".repeat(101)).then().statusCode(400).body("errors.field", contains("q"));
    }

    private static RequestSpecification as(String account) {
        return given().auth().oauth2(Tokens.of(account)).contentType("application/json");
    }
}
