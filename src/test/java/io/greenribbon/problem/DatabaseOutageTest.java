package io.greenribbon.problem;

import io.greenribbon.testkit.PostgresServer;
import io.greenribbon.testkit.TestInfrastructure;
import io.greenribbon.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A database that is down is not an internal error: with the test PostgreSQL stopped as an outage stops it
 * (connections cut, new ones refused), the API answers 503 problem+json with {@code Retry-After}, whether the
 * request went through the reactive client (Hibernate Reactive) or JDBC (Agroal), and readiness is DOWN; a
 * request refused for its role stays a 403. Once the database is back the service answers again at once,
 * through JDBC too (no pooled connection the restart cut is lent out), and readiness and Keycloak (whose data
 * is on the same server) come back by themselves.
 */
@QuarkusTest
class DatabaseOutageTest {

    private static final Duration RECOVERY = Duration.ofSeconds(90);

    @Test
    void theApiSaysUnavailableWhileTheDatabaseIsDownAndRecoversAfter() {
        // Keycloak keeps its data in the same PostgreSQL: the tokens are taken before it goes.
        String supervisor = Tokens.of("supervisor1");
        String official = Tokens.of("official1");
        String admin = Tokens.of("admin1");
        given().auth().oauth2(supervisor).get("/api/risk/cases").then().statusCode(200);
        // Several verifications at once, so that the JDBC pool holds several connections for the outage to cut.
        List<CompletableFuture<Integer>> verifications = IntStream.range(0, 4).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> given().auth().oauth2(official).get("/api/audit/verify").statusCode())).toList();
        assertThat(verifications.stream().map(CompletableFuture::join)).containsOnly(200);

        PostgresServer database = TestInfrastructure.get().postgres;
        database.stop();
        try {
            assertUnavailable(given().auth().oauth2(supervisor).get("/api/risk/cases"), "a read, reactive");
            assertUnavailable(given().auth().oauth2(admin).contentType("application/json").body(newRoom())
                    .post("/api/rooms"), "a write, reactive");
            assertUnavailable(given().auth().oauth2(official).get("/api/audit/verify"), "a read, JDBC");
            given().auth().oauth2(official).get("/api/risk/cases").then().statusCode(403)
                    .contentType(Problem.MEDIA_TYPE);
            given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            database.start();
        }

        // Back at once: no request meets a connection the restart cut (the JDBC pool checks idle ones first).
        given().auth().oauth2(official).get("/api/audit/verify").then().statusCode(200);
        given().auth().oauth2(supervisor).get("/api/risk/cases").then().statusCode(200);
        await("readiness, and Keycloak, back with the database").atMost(RECOVERY).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
                    Tokens.fresh("supervisor1");
                });
    }

    private static void assertUnavailable(Response response, String what) {
        assertThat(response.statusCode()).as(what + ": " + response.asString()).isEqualTo(503);
        assertThat(response.contentType()).as(what).startsWith(Problem.MEDIA_TYPE);
        assertThat(response.jsonPath().getString("type")).as(what).isEqualTo("urn:greenribbon:problem:database-unavailable");
        assertThat(response.header("Retry-After")).as(what).isEqualTo("10");
        assertThat(response.header("Cache-Control")).as(what).isEqualTo("no-store");
    }

    private static Map<String, Object> newRoom() {
        return Map.of("division", "130104001001", "name", "停电演练室 " + System.nanoTime(), "address", "桥西区某街 1 号",
                "capacity", 2);
    }
}
