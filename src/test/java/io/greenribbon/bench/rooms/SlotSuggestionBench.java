package io.greenribbon.bench.rooms;

import io.greenribbon.rooms.RoomFixtures;
import io.greenribbon.testkit.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The next free slots for a county of {@value #ROOMS} rooms and {@value #COUNSELLORS} counsellors whose next
 * two weeks are busy: every room has sessions 08:00-17:00 on working days, each counsellor a share of them,
 * so the search has to walk past taken slots. Measured through HTTP at {@value #CONCURRENCY} at once: the
 * suggestions query ({@code GET /api/rooms/{id}/suggestions}) and a refused booking, whose 409 carries the
 * same three suggestions. Prints p50/p95/p99; asserts only that each answer held three slots.
 *
 * <p>Run: {@code ./mvnw -B -ntp -Pbench test -Dtest=SlotSuggestionBench}.
 */
@QuarkusTest
class SlotSuggestionBench {

    static final int ROOMS = 60;
    static final int COUNSELLORS = 300;
    static final int CONCURRENCY = 16;
    static final int CALLS = Integer.getInteger("bench.suggestions", 40);

    @TestHTTPResource("/api")
    URI api;

    @Test
    void suggestionsInABusyCounty() throws Exception {
        List<Long> rooms = new ArrayList<>();
        for (int r = 0; r < ROOMS; r++) {
            rooms.add(RoomFixtures.room(RoomFixtures.VILLAGE, "staff1"));
        }
        List<Long> counsellors = RoomFixtures.counsellors("130104", "ACTIVE", COUNSELLORS);
        List<Long> clients = RoomFixtures.clients(RoomFixtures.VILLAGE, COUNSELLORS);
        // Working days only: a Monday, and the four days after it are those measured on.
        LocalDate first = RoomFixtures.day(6, 0).with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.MONDAY));
        int perRoom = COUNSELLORS / ROOMS;
        int sessions = 0;
        try (Connection c = RoomFixtures.db(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO booking (room_id, counsellor_id, client_id, starts_at, ends_at, mode, created_by)
                VALUES (?, ?, ?, ?, ?, 'IN_PERSON', 'bench')""")) {
            for (int r = 0; r < ROOMS; r++) {
                for (int d = 0; d < 14; d++) {
                    LocalDate day = first.plusDays(d);
                    if (day.getDayOfWeek().getValue() > 5) {
                        continue;
                    }
                    for (int h = 8; h < 17; h++) {
                        // Room r's sessions go round its own counsellors and clients: nothing overlaps.
                        int k = r * perRoom + h % perRoom;
                        s.setLong(1, rooms.get(r));
                        s.setLong(2, counsellors.get(k));
                        s.setLong(3, clients.get(k));
                        s.setObject(4, RoomFixtures.at(day, String.format("%02d:00", h)));
                        s.setObject(5, RoomFixtures.at(day, String.format("%02d:00", h + 1)));
                        s.addBatch();
                        sessions++;
                    }
                }
                s.executeBatch();
            }
        }
        String token = Tokens.of("staff1");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Latencies.Call suggest = (worker, i) -> {
            int r = (worker * CALLS + i) % ROOMS;
            int k = r * perRoom + (worker + i) % perRoom;
            OffsetDateTime start = RoomFixtures.at(first.plusDays(i % 5), "09:00");
            URI uri = URI.create(api + "/rooms/" + rooms.get(r) + "/suggestions?counsellor=" + counsellors.get(k)
                    + "&client=" + clients.get(k) + "&start=" + encode(start) + "&end=" + encode(start.plusHours(1)));
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().split("\"start\"", -1).length - 1 == 3;
        };
        Latencies.Call refused = (worker, i) -> {
            int r = (worker * CALLS + i) % ROOMS;
            int k = r * perRoom + (worker + i + 1) % perRoom;
            OffsetDateTime start = RoomFixtures.at(first.plusDays(i % 5), "10:00");
            String body = String.format("{\"roomId\":%d,\"counsellorId\":%d,\"clientId\":%d,\"start\":\"%s\",\"end\":\"%s\","
                    + "\"mode\":\"IN_PERSON\"}", rooms.get(r), counsellors.get(k), clients.get(k), start, start.plusHours(1));
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(api + "/bookings"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 409 && answer.body().contains("\"suggestions\"");
        };
        Latencies.measure(CONCURRENCY, 5, suggest);
        Latencies.Figures suggestions = Latencies.measure(CONCURRENCY, CALLS, suggest);
        Latencies.measure(CONCURRENCY, 5, refused);
        Latencies.Figures conflicts = Latencies.measure(CONCURRENCY, CALLS, refused);
        // One caller at a time: the answer's own cost, without queueing behind 15 others on 2 cores.
        Latencies.Figures suggestionsAlone = Latencies.measure(1, CALLS * 4, suggest);
        Latencies.Figures conflictsAlone = Latencies.measure(1, CALLS * 4, refused);

        System.out.printf("%n=== Slot suggestion benchmark (%d rooms, %d counsellors, %d sessions booked, %d at once, %d cores) ===%n",
                ROOMS, COUNSELLORS, sessions, CONCURRENCY, Runtime.getRuntime().availableProcessors());
        System.out.println("GET /api/rooms/{id}/suggestions : " + suggestions.line());
        System.out.println("POST /api/bookings refused (409): " + conflicts.line());
        System.out.println("suggestions, one at a time      : " + suggestionsAlone.line());
        System.out.println("refused booking, one at a time  : " + conflictsAlone.line());
        System.out.printf("target: p95 under 200 ms -> suggestions %s, refused booking %s%n%n",
                suggestions.p95() < 200 ? "met" : "NOT met", conflicts.p95() < 200 ? "met" : "NOT met");
        assertThat(suggestions.failures() + suggestionsAlone.failures()).as("answers without three slots").isZero();
        assertThat(conflicts.failures() + conflictsAlone.failures()).as("refusals without suggestions").isZero();
    }

    private static String encode(OffsetDateTime t) {
        return URLEncoder.encode(t.toString(), StandardCharsets.UTF_8);
    }
}
