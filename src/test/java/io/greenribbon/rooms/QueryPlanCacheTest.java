package io.greenribbon.rooms;

import io.greenribbon.hotline.Sql;
import io.greenribbon.testkit.Tokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.hibernate.query.spi.QueryInterpretationCache;
import org.hibernate.query.sqm.internal.SqmCriteriaNodeBuilder;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static io.greenribbon.rooms.RoomFixtures.VILLAGE;
import static io.greenribbon.rooms.RoomFixtures.at;
import static io.greenribbon.rooms.RoomFixtures.booking;
import static io.greenribbon.rooms.RoomFixtures.day;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hibernate's query plan cache serves the same statements again rather than filling up: requests repeated
 * {@value #REPEATS} times (bookings made and refused, suggestions, a room, a booking list, and the hotline's
 * native helpers) leave it nearly as big as one round of them did. A statement whose cache key never
 * matches its earlier executions (a native select with a scalar result class) adds an entry per execution.
 */
@QuarkusTest
class QueryPlanCacheTest {

    static final int REPEATS = 12;

    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void repeatedRequestsReuseTheirPlans() throws Throwable {
        long room = RoomFixtures.room(VILLAGE, "staff1");
        long counsellor = RoomFixtures.counsellor("130104");
        long client = RoomFixtures.client("staff1", VILLAGE);
        LocalDate d = day(7, 1);
        String staff = Tokens.of("staff1");

        round(staff, room, counsellor, client, d, 0);
        int before = cache().getNumberOfCachedQueryPlans();
        for (int i = 1; i <= REPEATS; i++) {
            round(staff, room, counsellor, client, d, i);
        }
        int after = cache().getNumberOfCachedQueryPlans();

        assertThat(cache().isEnabled()).as("the query plan cache is on").isTrue();
        // Other tests' requests and the service's timers may add a few plans of their own meanwhile; a
        // statement that misses every time adds at least one per round.
        assertThat(after - before).as("plans added by %d more rounds of the same requests (%d before)", REPEATS, before)
                .isLessThan(REPEATS / 2);
    }

    private void round(String token, long room, long counsellor, long client, LocalDate d, int i) throws Throwable {
        // Each round books the next free half hour, then asks for the same half hour again (409 with suggestions).
        OffsetDateTime start = at(d, "08:00").plusMinutes(30L * i);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", "plan-cache-" + room + "-" + i)
                .body(booking(room, counsellor, client, start, start.plusMinutes(30)))
                .when().post("/api/bookings").then().statusCode(201);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(booking(room, counsellor, client, start, start.plusMinutes(30)))
                .when().post("/api/bookings").then().statusCode(409);
        given().auth().oauth2(token)
                .queryParam("counsellor", counsellor).queryParam("client", client)
                .queryParam("start", start.toString()).queryParam("end", start.plusMinutes(30).toString())
                .when().get("/api/rooms/{id}/suggestions", room).then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/rooms/{id}", room).then().statusCode(200);
        given().auth().oauth2(token).queryParam("room", room)
                .when().get("/api/bookings").then().statusCode(200);
        List<Long> one = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() ->
                Sql.column("SELECT CAST(:n AS bigint)", Long.class, "n", (long) i)));
        assertThat(one).containsExactly((long) i);
    }

    private QueryInterpretationCache cache() {
        return ((SqmCriteriaNodeBuilder) sessions.getCriteriaBuilder()).getQueryEngine().getInterpretationCache();
    }
}
