package io.greenribbon.access;

import io.greenribbon.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/** The shapes of the errors every endpoint shares: 401, 403, 404, 405, in Chinese and English. */
@QuarkusTest
class ProblemShapesTest {

    @Test
    void noTokenIsUnauthenticatedWithABearerChallenge() {
        given().when().get("/api/me")
                .then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json")
                .body("type", equalTo("urn:greenribbon:problem:unauthenticated"))
                .body("title", equalTo("需要登录"))
                .body("status", equalTo(401))
                .body("instance", equalTo("/api/me"))
                .body("$", not(hasKey("trace")))
                .body("$", not(hasKey("stack")));
    }

    @Test
    void aForgedOrForeignTokenIsUnauthenticated() {
        String token = Tokens.of("official1");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        given().auth().oauth2(forged).header("Accept-Language", "en")
                .when().get("/api/me")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("title", equalTo("Sign-in required"));
    }

    @Test
    void outsideTheJurisdictionIsForbiddenInTheCallersLanguage() {
        given().auth().oauth2(Tokens.of("official2")).header("Accept-Language", "en-GB,en;q=0.8")
                .when().get("/api/divisions/130104")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:greenribbon:problem:out-of-jurisdiction"))
                .body("title", equalTo("Outside your jurisdiction"))
                .body("detail", equalTo("Division 130104 is outside your jurisdiction."));
    }

    @Test
    void unknownRoutesAndMethodsAreProblemsToo() {
        given().auth().oauth2(Tokens.of("official1"))
                .when().get("/api/no-such-thing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:greenribbon:problem:not-found"));
        given().auth().oauth2(Tokens.of("official1"))
                .when().delete("/api/me")
                .then().statusCode(405)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:greenribbon:problem:method-not-allowed"));
    }

    @Test
    void meShowsTheAccountItsRolesAndWhereItStands() {
        given().auth().oauth2(Tokens.of("staff1"))
                .when().get("/api/me")
                .then().statusCode(200)
                .body("username", equalTo("staff1"))
                .body("roles", equalTo(java.util.List.of("room-staff")))
                .body("division", equalTo("130104001001"))
                .body("divisionPath.code", equalTo(java.util.List.of("13", "1301", "130104", "130104001",
                        "130104001001")));
    }
}
