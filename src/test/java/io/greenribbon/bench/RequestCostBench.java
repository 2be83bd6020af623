package io.greenribbon.bench;

import io.greenribbon.bench.rooms.Latencies;
import io.greenribbon.risk.HotlineCalls;
import io.greenribbon.rooms.RoomFixtures;
import io.greenribbon.testkit.PostgresServer;
import io.greenribbon.testkit.TestInfrastructure;
import io.greenribbon.testkit.Tokens;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cost of ordinary requests (issue 18), in one run, with an in-JVM load generator of {@value #CLIENTS}
 * closed-loop callers (so the callers share the service's cores: the ratios, not the absolute rates, are
 * what compares with a run under {@code wrk}): {@code /q/health/live} without a token, {@code /api/me}, a room,
 * a list of bookings, bookings over {@value #CLIENTS} rooms (each caller its own room, counsellor and client,
 * nothing colliding), and a risk case read with its audit entry; then {@code pgbench}'s rate of plain inserts
 * and of inserts into a table with a GiST exclusion constraint on (room, time range), on the same PostgreSQL
 * (Debian's {@code pgbench}; skipped with a note when it is not installed). Prints req/s, p50, p99 and the
 * ratios the issue sets as targets, and the service JVM's resident memory. Asserts only that every answer
 * was the one expected.
 *
 * <p>Run: {@code ./mvnw -B -ntp -Pbench test -Dtest=RequestCostBench} ({@code -Dbench.calls=N} per caller).
 */
@QuarkusTest
class RequestCostBench {

    static final int CLIENTS = 16;
    static final int CALLS = Integer.getInteger("bench.calls", 150);

    @TestHTTPResource("/")
    URI root;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void ordinaryRequests() throws Exception {
        String staff = Tokens.of("staff1");
        String admin = Tokens.of("admin1");
        String counsellor = Tokens.of("counsellor1");
        long keptRoom = RoomFixtures.room(RoomFixtures.VILLAGE, "staff1");
        LocalDate day = RoomFixtures.day(9, 0);
        for (int i = 0; i < 20; i++) {
            RoomFixtures.bookedNow(keptRoom, RoomFixtures.counsellor("130104"),
                    RoomFixtures.client("staff1", RoomFixtures.VILLAGE), RoomFixtures.at(day, "08:00").plusMinutes(40L * i),
                    RoomFixtures.at(day, "08:30").plusMinutes(40L * i));
        }
        List<Long> rooms = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            rooms.add(RoomFixtures.room(RoomFixtures.VILLAGE));
        }
        List<Long> counsellors = RoomFixtures.counsellors("130104", "ACTIVE", CLIENTS);
        List<Long> clients = RoomFixtures.clients(RoomFixtures.VILLAGE, CLIENTS);
        long riskCase = openCase(counsellor);

        Map<String, Latencies.Figures> figures = new LinkedHashMap<>();
        figures.put("GET /q/health/live", load((w, i) -> get("q/health/live", null).statusCode() == 200));
        figures.put("GET /api/me", load((w, i) -> get("api/me", staff).statusCode() == 200));
        figures.put("GET /api/rooms/{id}", load((w, i) -> get("api/rooms/" + keptRoom, staff).statusCode() == 200));
        figures.put("GET /api/bookings?room=", load((w, i) -> get("api/bookings?room=" + keptRoom + "&from="
                + encode(RoomFixtures.at(day, "00:00")) + "&to=" + encode(RoomFixtures.at(day.plusDays(1), "00:00")), staff)
                .statusCode() == 200));
        AtomicIntegerArray booked = new AtomicIntegerArray(CLIENTS);
        figures.put("POST /api/bookings, 16 rooms", load((w, i) -> {
            // Caller w books the next half hour of its own room (06:00-22:00), day after day, warm-up included.
            int k = booked.getAndIncrement(w);
            OffsetDateTime start = RoomFixtures.at(RoomFixtures.day(10, k / 32), "06:00").plusMinutes(30L * (k % 32));
            String body = String.format("{\"roomId\":%d,\"counsellorId\":%d,\"clientId\":%d,\"start\":\"%s\",\"end\":\"%s\","
                    + "\"mode\":\"IN_PERSON\"}", rooms.get(w), counsellors.get(w), clients.get(w), start, start.plusMinutes(30));
            return post("api/bookings", admin, body).statusCode() == 201;
        }));
        long auditBefore = RoomFixtures.count("SELECT count(*) FROM audit_entry WHERE record_type = 'risk_case' AND record_id = ?",
                String.valueOf(riskCase));
        figures.put("GET /api/risk/cases/{id} (audited)", load((w, i) -> get("api/risk/cases/" + riskCase, counsellor)
                .statusCode() == 200));
        long audited = RoomFixtures.count("SELECT count(*) FROM audit_entry WHERE record_type = 'risk_case' AND record_id = ?",
                String.valueOf(riskCase)) - auditBefore;

        double health = figures.get("GET /q/health/live").perSecond();
        System.out.printf("%n=== Request cost benchmark (%d callers in the service's JVM, %d cores) ===%n", CLIENTS,
                Runtime.getRuntime().availableProcessors());
        figures.forEach((name, f) -> System.out.printf("%-36s %8.1f req/s  p50 %7.2f ms  p99 %7.2f ms  %5.3f of health%s%n",
                name, f.perSecond(), f.p50(), f.p99(), f.perSecond() / health, f.failures() > 0 ? "  FAILURES " + f.failures() : ""));
        System.out.printf("risk case reads audited: %d entries for %d reads%n", audited, CLIENTS * CALLS);
        Map<String, Double> pgbench = pgbench();
        pgbench.forEach((name, tps) -> System.out.printf("pgbench %-28s %8.1f rows/s%n", name, tps));
        Double excluded = pgbench.get("exclusion-constrained insert");
        Latencies.Figures bookings = figures.get("POST /api/bookings, 16 rooms");
        System.out.printf("targets: reads >= 0.25 of health: me %.3f, room %.3f, list %.3f; risk read >= 0.10: %.3f%n",
                figures.get("GET /api/me").perSecond() / health, figures.get("GET /api/rooms/{id}").perSecond() / health,
                figures.get("GET /api/bookings?room=").perSecond() / health,
                figures.get("GET /api/risk/cases/{id} (audited)").perSecond() / health);
        System.out.printf("targets: bookings >= 0.15 of pgbench's exclusion-constrained rate: %s; p99 <= 50 ms: %.2f ms%n",
                excluded == null ? "(no pgbench)" : String.format("%.3f", bookings.perSecond() / excluded), bookings.p99());
        System.out.printf("service JVM resident memory: %s%n%n", residentMemory());
        figures.forEach((name, f) -> assertThat(f.failures()).as(name + ": answers not as expected").isZero());
        assertThat(audited).as("audit entries of the risk case reads").isGreaterThanOrEqualTo((long) CLIENTS * CALLS);
    }

    private Latencies.Figures load(Latencies.Call call) throws Exception {
        Latencies.measure(CLIENTS, Math.max(5, CALLS / 10), call);
        return Latencies.measure(CLIENTS, CALLS, call);
    }

    private long openCase(String token) throws Exception {
        long contact = Arc.container().instance(HotlineCalls.class).get().answered("counsellor1", HotlineCalls.newNumber());
        String body = """
                {"contactId": %d, "note": "Benchmark case.", "subject": {"alias": "小李", "phone": "13800000000"},
                 "answers": {"wishedDead": true, "suicidalThoughts": true, "thoughtOfMethod": true, "intent": true,
                             "planAndIntent": false, "suicidalBehaviour": false}}""".formatted(contact);
        HttpResponse<String> answer = post("api/risk/screenings", token, body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"caseId\"\\s*:\\s*(\\d+)").matcher(answer.body());
        assertThat(id.find()).as(answer.body()).isTrue();
        return Long.parseLong(id.group(1));
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(root.resolve(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** pgbench's insert rates (8 clients, 10 s each) into a plain table and an exclusion-constrained one. */
    private static Map<String, Double> pgbench() throws Exception {
        Map<String, Double> rates = new LinkedHashMap<>();
        Path pgbench = Path.of("/usr/bin/pgbench");
        if (!Files.isExecutable(pgbench)) {
            System.out.println("pgbench: not installed (Debian's postgresql-client); insert rates not measured");
            return rates;
        }
        try (Connection c = RoomFixtures.db(); Statement s = c.createStatement()) {
            s.execute("""
                    DROP TABLE IF EXISTS bench_plain, bench_excluded;
                    DROP SEQUENCE IF EXISTS bench_slot;
                    CREATE SEQUENCE bench_slot;
                    CREATE TABLE bench_plain (id bigserial PRIMARY KEY, room int NOT NULL, period tstzrange NOT NULL);
                    CREATE TABLE bench_excluded (id bigserial PRIMARY KEY, room int NOT NULL, period tstzrange NOT NULL,
                        EXCLUDE USING gist (room WITH =, period WITH &&));
                    GRANT ALL ON bench_plain, bench_excluded, bench_plain_id_seq, bench_excluded_id_seq, bench_slot
                        TO %s;""".formatted(PostgresServer.OWNER));
        }
        // Each insert takes the next half hour of one of 100 rooms: nothing overlaps.
        String insert = """
                \\set room random(1, 100)
                INSERT INTO %s (room, period) SELECT :room, tstzrange(t, t + interval '30 minutes')
                FROM (SELECT timestamptz '2030-01-01' + nextval('bench_slot') * interval '30 minutes' AS t) s;
                """;
        for (String table : List.of("bench_plain", "bench_excluded")) {
            Path script = Files.createTempFile("pgbench-" + table, ".sql");
            Files.writeString(script, insert.formatted(table), StandardCharsets.UTF_8);
            ProcessBuilder run = new ProcessBuilder(pgbench.toString(), "-n", "-c", "8", "-j", "2", "-T", "10",
                    "-h", "127.0.0.1", "-p", String.valueOf(TestInfrastructure.get().postgres.port()),
                    "-U", PostgresServer.OWNER, "-f", script.toString(), PostgresServer.DATABASE).redirectErrorStream(true);
            run.environment().put("PGPASSWORD", PostgresServer.OWNER_PASSWORD);
            Process p = run.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(out);
            if (tps.find()) {
                rates.put(table.equals("bench_plain") ? "plain insert" : "exclusion-constrained insert",
                        Double.parseDouble(tps.group(1)));
            } else {
                System.out.println("pgbench on " + table + " gave no rate:\n" + out);
            }
            Files.deleteIfExists(script);
        }
        try (Connection c = RoomFixtures.db(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE bench_plain, bench_excluded; DROP SEQUENCE bench_slot");
        }
        return rates;
    }

    private static String encode(OffsetDateTime t) {
        return java.net.URLEncoder.encode(t.toString(), StandardCharsets.UTF_8);
    }

    /** The resident set of this JVM (the service runs in it), from /proc. */
    private static String residentMemory() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return "unknown (" + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage() + ")";
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS")).findFirst()
                .map(l -> l.replaceAll("\\s+", " ")).orElse("unknown");
    }
}
