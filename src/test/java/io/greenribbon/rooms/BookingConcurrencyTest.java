package io.greenribbon.rooms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenribbon.testkit.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.greenribbon.rooms.RoomFixtures.VILLAGE;
import static io.greenribbon.rooms.RoomFixtures.at;
import static io.greenribbon.rooms.RoomFixtures.booking;
import static io.greenribbon.rooms.RoomFixtures.day;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proof under load: 200 requests released at once for one room and time (each with its own counsellor
 * and client) yield exactly one 201 and 199 409s naming the winner, and one row; the same for one
 * counsellor across two rooms (each request with its own client).
 */
@QuarkusTest
class BookingConcurrencyTest {

    static final int REQUESTS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/bookings")
    URI bookings;

    record Result(int status, JsonNode body) {
    }

    @Test
    void twoHundredRacersForOneRoomYieldOneBooking() throws Exception {
        long room = RoomFixtures.room(VILLAGE);
        List<Long> counsellors = RoomFixtures.counsellors("130104", "ACTIVE", REQUESTS);
        List<Long> clients = RoomFixtures.clients(VILLAGE, REQUESTS);
        LocalDate d = day(12, 0);
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            bodies.add(booking(room, counsellors.get(i), clients.get(i), at(d, "10:00"), at(d, "11:00")));
        }
        List<Result> results = race(bodies);
        long winner = assertOneWinner(results, "room");
        assertThat(RoomFixtures.count("SELECT count(*) FROM booking WHERE room_id = ?", room)).isEqualTo(1);
        assertThat(RoomFixtures.count("SELECT id FROM booking WHERE room_id = ?", room)).isEqualTo(winner);
    }

    @Test
    void twoHundredRacersForOneCounsellorInTwoRoomsYieldOneBooking() throws Exception {
        long roomA = RoomFixtures.room(VILLAGE);
        long roomB = RoomFixtures.room(RoomFixtures.OTHER_VILLAGE);
        long counsellor = RoomFixtures.counsellor("130104");
        List<Long> clients = RoomFixtures.clients(VILLAGE, REQUESTS);
        LocalDate d = day(12, 1);
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            // Staggered times: every request overlaps every other in the counsellor's half hour 10:30-11:00.
            String start = i % 2 == 0 ? "10:00" : "10:30";
            String end = i % 2 == 0 ? "11:00" : "11:30";
            bodies.add(booking(i % 2 == 0 ? roomA : roomB, counsellor, clients.get(i), at(d, start), at(d, end)));
        }
        List<Result> results = race(bodies);
        assertOneWinner(results, "counsellor");
        assertThat(RoomFixtures.count("SELECT count(*) FROM booking WHERE counsellor_id = ?", counsellor)).isEqualTo(1);
    }

    /** Exactly one 201; every other answer a 409 naming the winner as the colliding {@code resource}. */
    private static long assertOneWinner(List<Result> results, String resource) {
        assertThat(results).hasSize(REQUESTS);
        List<Result> created = results.stream().filter(r -> r.status() == 201).toList();
        assertThat(created).hasSize(1);
        long winner = created.get(0).body().path("id").asLong();
        List<Result> refused = results.stream().filter(r -> r.status() != 201).toList();
        assertThat(refused).hasSize(REQUESTS - 1).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.body().path("type").asText()).isEqualTo("urn:greenribbon:problem:booking-conflict");
            assertThat(r.body().path("conflictingBookingId").asLong()).isEqualTo(winner);
            List<String> colliding = new ArrayList<>();
            r.body().path("conflicts").forEach(c -> colliding.add(c.path("resource").asText()));
            assertThat(colliding).contains(resource);
        });
        return winner;
    }

    /** Sends every body at once (released together by a latch) and collects the answers. */
    private List<Result> race(List<Map<String, Object>> bodies) throws Exception {
        String token = Tokens.of("admin1");
        ExecutorService threads = Executors.newFixedThreadPool(bodies.size());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try {
            List<HttpRequest> requests = new ArrayList<>();
            for (Map<String, Object> body : bodies) {
                requests.add(HttpRequest.newBuilder(bookings).timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
            }
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Result>> answers = new ArrayList<>();
            for (HttpRequest request : requests) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        return new Result(response.statusCode(), JSON.readTree(response.body()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, threads));
            }
            start.countDown();
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            return answers.stream().map(CompletableFuture::join).toList();
        } finally {
            threads.shutdownNow();
        }
    }
}
