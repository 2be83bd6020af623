package io.greenribbon.http;

import io.greenribbon.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every response carries {@code X-Content-Type-Options: nosniff}, and every one that may carry restricted data
 * (all but the operational endpoints under {@code /q/}) {@code Cache-Control: no-store}: answers and errors,
 * the framework's own, and the console stream's refused upgrade.
 */
@QuarkusTest
class ResponseHeadersTest {

    @Test
    void apiAnswersAreNeverCachedOrSniffed() {
        assertRestricted(given().auth().oauth2(Tokens.of("counsellor1")).get("/api/hotline/contacts"), 200);
        assertRestricted(given().auth().oauth2(Tokens.of("supervisor1")).get("/api/risk/cases"), 200);
        assertRestricted(given().auth().oauth2(Tokens.of("official1")).get("/api/audit/access"), 200);
        assertRestricted(given().get("/api/me"), 401);
        assertRestricted(given().auth().oauth2(Tokens.of("official1")).get("/api/hotline/contacts"), 403);
        assertRestricted(given().auth().oauth2(Tokens.of("official1")).get("/api/no-such-thing"), 404);
        assertRestricted(given().auth().oauth2(Tokens.of("supervisor1")).get("/api/risk/cases/not-an-id"), 400);
    }

    @Test
    void theFrameworksOwnAnswersAndTheRefusedUpgradeCarryThemToo() {
        assertRestricted(given().get("/no-such-page"), 404);
        assertRestricted(given().header("Connection", "Upgrade").header("Upgrade", "websocket")
                .header("Sec-WebSocket-Version", "13").header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .get("/ws/console"), 401);
    }

    @Test
    void operationalEndpointsAreNotSniffedAndKeepTheirOwnCaching() {
        for (String path : new String[]{"/q/health/ready", "/q/openapi"}) {
            Response response = given().get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        }
        assertThat(given().get("/q/openapi").header("Cache-Control")).as("the API document holds no restricted data")
                .isNotEqualTo("no-store");
    }

    @Test
    void theConsolesOwnFilesAreRevalidatedNotFetchedAnewEachTime() {
        for (String path : new String[]{"/static/console.js", "/static/console.css"}) {
            Response response = given().get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(response.header("Cache-Control")).as(path).isEqualTo("no-cache");
        }
        assertRestricted(given().redirects().follow(false).get("/console/desk"), 302);
    }

    private static void assertRestricted(Response response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.header("X-Content-Type-Options")).as("nosniff on a %d", status).isEqualTo("nosniff");
        assertThat(response.header("Cache-Control")).as("no-store on a %d", status).isEqualTo("no-store");
    }
}
