package io.greenribbon.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenribbon.rooms.RoomFixtures;
import io.greenribbon.testkit.PostgresServer;
import io.greenribbon.testkit.TestInfrastructure;
import io.greenribbon.testkit.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bookings per second and p99 latency of POST /api/bookings (token check, rules, exclusion
 * constraints, history row, through HTTP), next to the rate of the cheapest authenticated API call
 * (GET /api/me) and the plain single-row INSERT rate of the same PostgreSQL at the same concurrency: measured with JDBC from here, and with pgbench too when the
 * machine has it. Prints the figures and their ratio; asserts nothing about them.
 *
 * <p>Run: {@code ./mvnw -B -ntp -Pbench test -Dtest=BookingBench}. The test PostgreSQL runs with
 * fsync and synchronous_commit off (both sides alike); service, database and load share the machine.
 */
@QuarkusTest
class BookingBench {

    static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 16);
    static final int BOOKINGS = Integer.getInteger("bench.bookings", 3000);
    static final int WARMUP = 300;
    static final int ROOMS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/bookings")
    URI bookings;

    @Test
    void bookingsPerSecondNextToPlainInserts() throws Exception {
        List<Long> rooms = new ArrayList<>();
        for (int i = 0; i < ROOMS; i++) {
            rooms.add(RoomFixtures.room(RoomFixtures.VILLAGE));
        }
        List<Long> counsellors = RoomFixtures.counsellors("130104", "ACTIVE", ROOMS);
        List<Long> clients = RoomFixtures.clients(RoomFixtures.VILLAGE, ROOMS);
        List<String> bodies = new ArrayList<>();
        LocalDate first = LocalDate.now(RoomFixtures.ZONE).plusDays(2);
        int slotsPerDay = 16;
        for (int i = 0; i < WARMUP + BOOKINGS; i++) {
            int r = i % ROOMS;
            int slot = i / ROOMS;
            LocalDate day = first.plusDays(slot / slotsPerDay);
            OffsetDateTime start = RoomFixtures.at(day, "06:00").plusHours(slot % slotsPerDay);
            // Room r always with counsellor r and client r: no two requests collide.
            bodies.add(JSON.writeValueAsString(RoomFixtures.booking(rooms.get(r), counsellors.get(r), clients.get(r),
                    start, start.plusMinutes(50))));
        }
        String token = Tokens.of("admin1");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        run(bodies.subList(0, WARMUP), body -> post(http, token, body));
        Figures booked = run(bodies.subList(WARMUP, bodies.size()), body -> post(http, token, body));

        // The floor under any API call here: HTTP, token verification, one small read (GET /api/me).
        URI me = bookings.resolve("/api/me");
        run(bodies.subList(0, WARMUP), body -> get(http, token, me));
        Figures floor = run(bodies.subList(WARMUP, bodies.size()), body -> get(http, token, me));

        Figures inserts = plainInserts();
        String pgbench = pgbench();

        System.out.printf("%n=== Booking benchmark (%d bookings, %d concurrent clients, %d cores) ===%n", BOOKINGS,
                CONCURRENCY, Runtime.getRuntime().availableProcessors());
        System.out.printf("POST /api/bookings      : %8.1f bookings/s   p50 %6.2f ms   p99 %6.2f ms   (errors: %d)%n",
                booked.perSecond(), booked.p50(), booked.p99(), booked.errors());
        System.out.printf("GET /api/me (API floor) : %8.1f requests/s   p50 %6.2f ms   p99 %6.2f ms%n",
                floor.perSecond(), floor.p50(), floor.p99());
        System.out.printf("plain INSERT (JDBC)     : %8.1f rows/s       p50 %6.2f ms   p99 %6.2f ms%n",
                inserts.perSecond(), inserts.p50(), inserts.p99());
        System.out.printf("ratio bookings/inserts  : %8.3f (%.1f%% of the plain single-row insert rate)%n",
                booked.perSecond() / inserts.perSecond(), 100 * booked.perSecond() / inserts.perSecond());
        System.out.printf("pgbench single-row INSERT: %s%n%n", pgbench);
    }

    record Figures(double perSecond, double p50, double p99, int errors) {
    }

    interface Call {
        boolean run(String body) throws Exception;
    }

    private boolean post(HttpClient http, String token, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(bookings)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 201;
    }

    private static boolean get(HttpClient http, String token, URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    /** Runs every body through {@code call} with CONCURRENCY workers in a closed loop; rate and latencies. */
    static Figures run(List<String> bodies, Call call) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(CONCURRENCY);
        long[] latencies = new long[bodies.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long t0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < CONCURRENCY; w++) {
            done.add(workers.submit(() -> {
                for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                    long s = System.nanoTime();
                    if (!call.run(bodies.get(i))) {
                        errors.incrementAndGet();
                    }
                    latencies[i] = System.nanoTime() - s;
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(10, TimeUnit.MINUTES);
        }
        long elapsed = System.nanoTime() - t0;
        workers.shutdown();
        Arrays.sort(latencies);
        return new Figures(bodies.size() / (elapsed / 1e9), latencies[latencies.length / 2] / 1e6,
                latencies[(int) Math.ceil(latencies.length * 0.99) - 1] / 1e6, errors.get());
    }

    /** Single-row INSERTs, autocommit, one connection per worker, into a table like a booking row. */
    private static Figures plainInserts() throws Exception {
        PostgresServer pg = TestInfrastructure.get().postgres;
        try (Connection c = pg.superuser(PostgresServer.DATABASE); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_insert");
            s.execute("CREATE TABLE bench_insert (id bigserial PRIMARY KEY, room_id bigint NOT NULL, "
                    + "starts_at timestamptz NOT NULL, ends_at timestamptz NOT NULL)");
        }
        ThreadLocal<PreparedStatement> statements = ThreadLocal.withInitial(() -> {
            try {
                return pg.superuser(PostgresServer.DATABASE).prepareStatement(
                        "INSERT INTO bench_insert (room_id, starts_at, ends_at) VALUES (?, now(), now() + interval '50 minutes')");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < WARMUP + BOOKINGS * 4; i++) {
            rows.add(Integer.toString(i));
        }
        Call insert = row -> {
            PreparedStatement ps = statements.get();
            ps.setLong(1, Long.parseLong(row));
            return ps.executeUpdate() == 1;
        };
        run(rows.subList(0, WARMUP), insert);
        return run(rows.subList(WARMUP, rows.size()), insert);
    }

    /** pgbench's tps for the same single-row INSERT, or why it was not run. */
    private static String pgbench() {
        Path binary = Path.of("/usr/bin/pgbench");
        if (!Files.isExecutable(binary)) {
            return "not run (pgbench is not installed: apt-get install postgresql-contrib)";
        }
        try {
            Path script = Files.createTempFile("insert", ".sql");
            Files.writeString(script, "INSERT INTO bench_insert (room_id, starts_at, ends_at) "
                    + "VALUES (1, now(), now() + interval '50 minutes');\n");
            PostgresServer pg = TestInfrastructure.get().postgres;
            ProcessBuilder pb = new ProcessBuilder(binary.toString(), "-n", "-h", "127.0.0.1", "-p",
                    Integer.toString(pg.port()), "-U", "postgres", "-c", Integer.toString(CONCURRENCY), "-j", "2",
                    "-T", "10", "-f", script.toString(), PostgresServer.DATABASE).redirectErrorStream(true);
            pb.environment().put("PGPASSWORD", "postgres");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(60, TimeUnit.SECONDS);
            return out.lines().filter(l -> l.startsWith("tps") || l.contains("latency average"))
                    .map(String::trim).reduce((a, b) -> a + "; " + b).orElse("no tps line: " + out);
        } catch (Exception e) {
            return "failed: " + e.getMessage();
        }
    }

}
