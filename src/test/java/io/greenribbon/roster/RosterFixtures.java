package io.greenribbon.roster;

import io.greenribbon.testkit.PostgresServer;
import io.greenribbon.testkit.TestInfrastructure;
import io.greenribbon.testkit.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Shifts through the API (as the city admin) and a direct connection as the service's own database login. */
final class RosterFixtures {

    private RosterFixtures() {
    }

    static ValidatableResponse post(long counsellor, String line, String start, String end) {
        return given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(Map.of("counsellorId", counsellor, "lineDivision", line, "start", start, "end", end))
                .when().post("/api/roster/shifts").then();
    }

    static long shift(long counsellor, String line, String start, String end) {
        return ((Number) post(counsellor, line, start, end).statusCode(201).extract().path("id")).longValue();
    }

    static Connection appConnection() throws SQLException {
        return DriverManager.getConnection(TestInfrastructure.get().postgres.jdbcUrl(PostgresServer.DATABASE),
                PostgresServer.APP, PostgresServer.APP_PASSWORD);
    }
}
