package io.greenribbon.rooms;

import io.greenribbon.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.greenribbon.rooms.RoomFixtures.VILLAGE;
import static io.greenribbon.rooms.RoomFixtures.at;
import static io.greenribbon.rooms.RoomFixtures.booking;
import static io.greenribbon.rooms.RoomFixtures.day;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A retried POST /api/bookings with the same Idempotency-Key never books twice and gets the same answer. */
@QuarkusTest
class IdempotencyKeyTest {

    private static Response post(String key, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.of("staff1")).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body).when().post("/api/bookings");
    }

    @Test
    void aRetryGetsTheSameAnswerAndBooksNothing() {
        long room = RoomFixtures.room(VILLAGE, "staff1");
        LocalDate d = day(11, 0);
        Map<String, Object> body = booking(room, RoomFixtures.counsellor("130104"), RoomFixtures.client("staff1", VILLAGE),
                at(d, "09:00"), at(d, "10:00"));
        String key = UUID.randomUUID().toString();
        Response first = post(key, body);
        first.then().statusCode(201);
        Response retry = post(key, body);
        retry.then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", equalTo(first.header("Location")));
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(RoomFixtures.count("SELECT count(*) FROM booking WHERE room_id = ?", room)).isEqualTo(1);
        // Without the key, the same request is a second booking attempt, and collides.
        given().auth().oauth2(Tokens.of("staff1")).contentType(ContentType.JSON).body(body)
                .when().post("/api/bookings").then().statusCode(409);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        long room = RoomFixtures.room(VILLAGE, "staff1");
        LocalDate d = day(11, 1);
        long counsellor = RoomFixtures.counsellor("130104");
        long client = RoomFixtures.client("staff1", VILLAGE);
        String key = UUID.randomUUID().toString();
        post(key, booking(room, counsellor, client, at(d, "09:00"), at(d, "10:00"))).then().statusCode(201);
        post(key, booking(room, counsellor, client, at(d, "11:00"), at(d, "12:00"))).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:greenribbon:problem:idempotency-key-reused"));
        assertThat(RoomFixtures.count("SELECT count(*) FROM booking WHERE room_id = ?", room)).isEqualTo(1);
    }

    @Test
    void keysBelongToTheirAccount() {
        long room = RoomFixtures.room(VILLAGE, "staff1");
        LocalDate d = day(11, 2);
        String key = UUID.randomUUID().toString();
        post(key, booking(room, RoomFixtures.counsellor("130104"), RoomFixtures.client("staff1", VILLAGE),
                at(d, "09:00"), at(d, "10:00"))).then().statusCode(201);
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(booking(room, RoomFixtures.counsellor("130104"), RoomFixtures.client("admin1", VILLAGE),
                        at(d, "11:00"), at(d, "12:00")))
                .when().post("/api/bookings").then().statusCode(201);
    }

    @Test
    void aFailedRequestDoesNotUseUpItsKey() {
        long room = RoomFixtures.room(VILLAGE, "staff1");
        LocalDate d = day(11, 3);
        long counsellor = RoomFixtures.counsellor("130104");
        long client = RoomFixtures.client("staff1", VILLAGE);
        String key = UUID.randomUUID().toString();
        Map<String, Object> outside = booking(room, counsellor, client, at(d, "23:00"), at(d, "23:30"));
        post(key, outside).then().statusCode(400);
        assertThat(RoomFixtures.count("SELECT count(*) FROM idempotent_request WHERE idempotency_key = ?", key)).isZero();
    }

    @Test
    void concurrentRetriesWithOneKeyBookOnce() throws Exception {
        long room = RoomFixtures.room(VILLAGE, "staff1");
        LocalDate d = day(11, 4);
        Map<String, Object> body = booking(room, RoomFixtures.counsellor("130104"), RoomFixtures.client("staff1", VILLAGE),
                at(d, "09:00"), at(d, "10:00"));
        String key = UUID.randomUUID().toString();
        String token = Tokens.of("staff1");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<CompletableFuture<Response>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                futures.add(CompletableFuture.supplyAsync(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                        .header("Idempotency-Key", key).body(body).when().post("/api/bookings"), pool));
            }
            List<Response> responses = futures.stream().map(CompletableFuture::join).toList();
            assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
            assertThat(responses.stream().map(Response::asString).distinct()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(RoomFixtures.count("SELECT count(*) FROM booking WHERE room_id = ?", room)).isEqualTo(1);
    }
}
