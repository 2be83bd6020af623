package io.greenribbon.bench.rooms;

import io.greenribbon.rooms.RoomFixtures;
import io.greenribbon.web.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The room's week rendered by the service for 50 staff loading weeks at once: {@value #ROOMS} busy rooms of
 * staff1's village, each with {@value #SESSIONS} sessions in the week (each session's card with its steps,
 * the free slots around them), and {@value #STAFF} signed-in console sessions (each its own Keycloak sign-in
 * and session cookie) loading a room's week in a closed loop. The figure is the whole page as the browser
 * receives it: session check, access decision, the queries, the Qute rendering. Prints p50/p95/p99; asserts
 * only that every page came back whole.
 *
 * <p>Run: {@code ./mvnw -B -ntp -Pbench test -Dtest=RoomWeekBench} ({@code -Dbench.weeks=N} loads per staff, default 40).
 */
@QuarkusTest
class RoomWeekBench {

    static final int ROOMS = 5;
    static final int SESSIONS = 60;
    static final int STAFF = 50;
    static final int LOADS = Integer.getInteger("bench.weeks", 40);

    @Test
    void fiftyStaffLoadingBusyWeeks() throws Exception {
        LocalDate monday = RoomFixtures.day(4, 0).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<Long> rooms = new ArrayList<>();
        for (int r = 0; r < ROOMS; r++) {
            long room = RoomFixtures.room(RoomFixtures.VILLAGE, "staff1");
            long counsellor = RoomFixtures.counsellor("130104");
            long client = RoomFixtures.clients(RoomFixtures.VILLAGE, 1).get(0);
            for (int i = 0; i < SESSIONS; i++) {
                // 60 one-hour sessions over the week: 9 a day from 08:00, one counsellor and client per room.
                LocalDate day = monday.plusDays(i / 9);
                String start = String.format("%02d:00", 8 + i % 9);
                String end = String.format("%02d:00", 9 + i % 9);
                RoomFixtures.bookedNow(room, counsellor, client, RoomFixtures.at(day, start), RoomFixtures.at(day, end));
            }
            rooms.add(room);
        }
        List<WebSession> staff = new ArrayList<>();
        for (int i = 0; i < STAFF; i++) {
            staff.add(WebSession.signIn("staff1"));
        }
        Latencies.Call load = (worker, i) -> {
            long room = rooms.get((worker + i) % ROOMS);
            HttpResponse<String> page = staff.get(worker).get("/console/rooms/" + room + "?week=" + monday);
            return page.statusCode() == 200 && page.body().contains("</html>")
                    && page.body().split("class=\"session session-", -1).length - 1 == SESSIONS;
        };
        Latencies.Figures warm = Latencies.measure(STAFF, 5, load);
        Latencies.Figures figures = Latencies.measure(STAFF, LOADS, load);
        // The same page for one staff at a time: what a page costs without queueing behind 49 others.
        Latencies.Figures alone = Latencies.measure(1, LOADS, load);

        System.out.printf("%n=== Room week benchmark (%d rooms x %d sessions, %d staff at once, %d cores) ===%n",
                ROOMS, SESSIONS, STAFF, Runtime.getRuntime().availableProcessors());
        System.out.println("warm-up                       : " + warm.line());
        System.out.println("GET /console/rooms/{id}?week= : " + figures.line());
        System.out.println("the same, one staff at a time : " + alone.line());
        System.out.printf("target: p95 under 100 ms -> %s%n%n", figures.p95() < 100 ? "met" : "NOT met");
        assertThat(figures.failures() + alone.failures()).as("pages that did not come back whole").isZero();
    }
}
