package io.greenribbon.bench;

import io.greenribbon.counsellors.ResidentIdNumbers;
import io.greenribbon.testkit.PostgresServer;
import io.greenribbon.testkit.TestInfrastructure;
import io.greenribbon.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.restassured.RestAssured.given;

/**
 * Figures for issue 3: importing 5,000 pool members (first time, the same file again, an edited file), and
 * the coverage query over a month of the whole seed city (4,984 counsellors, the city line and 22 county
 * lines staffed around the clock). Run: ./mvnw -Pbench test -Dtest=CounsellorPoolBench
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CounsellorPoolBench {

    private static final String[] KINDS = {"COUNSELLOR", "PSYCHOTHERAPIST", "HEALTH_EDUCATOR"};
    private static final String[] HOMES = {"130102", "130104", "130105", "130107", "130108", "130109", "130110",
            "130111", "130121", "130123", "130125", "130126", "130127", "130128", "130129", "130130", "130131",
            "130132", "130133", "130181", "130183", "130184"};

    private static String csv(int rows, boolean edited) {
        return csv(rows, edited, "130181", "BENCH-");
    }

    private static String csv(int rows, boolean edited, String region, String certificates) {
        StringBuilder out = new StringBuilder("id_number,full_name,home_division,kind,status,languages,specialties,"
                + "max_caseload,certificate_number,certificate_level,certificate_issuer,certificate_valid_from,"
                + "certificate_valid_until\n");
        LocalDate birth = LocalDate.of(1955, 1, 1);
        for (int i = 0; i < rows; i++) {
            String home = HOMES[i % HOMES.length];
            String first17 = region + birth.plusDays(i * 3L).toString().replace("-", "") + "9" + String.format("%02d", i % 100);
            String id = first17 + ResidentIdNumbers.checkCharacter(first17);
            String name = "基准" + i + (edited && i % 10 == 0 ? "改" : "");
            out.append(id).append(',').append(name).append(',').append(home).append(',').append(KINDS[i % 3])
                    .append(",ACTIVE,").append(i % 3 == 0 ? "普通话;河北方言" : "普通话").append(',')
                    .append(i % 2 == 0 ? "YOUTH;FAMILY_MARRIAGE" : "BEREAVEMENT").append(',').append(10 + i % 20);
            if (i % 17 == 0) {
                out.append(',').append(certificates).append(i).append(",二级心理咨询师,人社部,2020-01-01,2030-12-31\n");
            } else {
                out.append(",,,,,\n");
            }
        }
        return out.toString();
    }

    private static long post(byte[] file, String label) {
        long t0 = System.nanoTime();
        String report = given().auth().oauth2(Tokens.of("admin1")).contentType("text/csv").body(file)
                .when().post("/api/counsellors/import").then().statusCode(200).extract().asString();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("[bench] import %-28s %6d ms  %s%n", label, ms, report);
        return ms;
    }

    @Test
    @Order(1)
    void importFiveThousandRows() {
        byte[] file = csv(5000, false).getBytes(StandardCharsets.UTF_8);
        byte[] edited = csv(5000, true).getBytes(StandardCharsets.UTF_8);
        System.out.printf("[bench] import file: 5000 rows, %d KiB%n", file.length / 1024);
        // Warm up: token, JIT, connections, with a small file of other people.
        post(csv(200, false, "130183", "WARM-").getBytes(StandardCharsets.UTF_8), "warm-up, 200 other people");
        post(file, "5,000 rows, first time");
        post(file, "same file again");
        post(edited, "edited file (500 renamed)");
    }

    @Test
    @Order(2)
    void coverageOfAMonthOfTheSeedCity() throws Exception {
        String url = TestInfrastructure.get().postgres.jdbcUrl(PostgresServer.DATABASE);
        try (Connection c = DriverManager.getConnection(url, PostgresServer.OWNER, PostgresServer.OWNER_PASSWORD);
             Statement s = c.createStatement()) {
            long t0 = System.nanoTime();
            s.execute("SELECT demo_generate_counsellors(4984)");
            System.out.printf("[bench] demo_generate_counsellors(4984): %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            t0 = System.nanoTime();
            // Every county line needs 8 seats around the clock (9 on weekday evenings, so there are gaps); the
            // city line needs 20. Three 8-hour shifts a day fill them from each line's own pool.
            s.execute("""
                    INSERT INTO staffing_minimum (line_division, day_of_week, hour, seats)
                    SELECT code, d, h, CASE WHEN d < 6 AND h BETWEEN 18 AND 21 THEN 9 ELSE 8 END
                    FROM division, generate_series(1, 7) d, generate_series(0, 23) h WHERE parent_code = '1301'
                    UNION ALL SELECT '1301', d, h, 20 FROM generate_series(1, 7) d, generate_series(0, 23) h
                    ON CONFLICT (line_division, day_of_week, hour) DO UPDATE SET seats = excluded.seats""");
            s.execute("""
                    WITH pools AS (
                        SELECT home_division AS line, array_agg(id ORDER BY id) AS ids FROM counsellor
                        WHERE status = 'ACTIVE' AND id_number IS NOT NULL AND home_division LIKE '1301%'
                        GROUP BY home_division
                    ), seats AS (
                        SELECT p.line, p.ids, day::date AS day, slot, seat
                        FROM pools p, generate_series(DATE '2032-01-01', DATE '2032-01-31', interval '1 day') day,
                             generate_series(0, 2) slot,
                             generate_series(0, CASE WHEN p.line = '1301' THEN 19 ELSE 7 END) seat
                    )
                    INSERT INTO roster_shift (counsellor_id, line_division, starts_at, ends_at, created_by)
                    SELECT ids[((day - DATE '2032-01-01') * 60 + slot * 20 + seat) % array_length(ids, 1) + 1], line,
                           (day + make_interval(hours => slot * 8)) AT TIME ZONE 'Asia/Shanghai',
                           (day + make_interval(hours => slot * 8 + 8)) AT TIME ZONE 'Asia/Shanghai', 'bench'
                    FROM seats""");
            s.execute("ANALYZE");
            try (ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM counsellor), (SELECT count(*) FROM "
                    + "roster_shift WHERE created_by = 'bench'), (SELECT count(DISTINCT line_division) FROM roster_shift "
                    + "WHERE created_by = 'bench')")) {
                rs.next();
                System.out.printf("[bench] seed city: %d counsellors, %d shifts in January 2032 on %d lines (%d ms)%n",
                        rs.getLong(1), rs.getLong(2), rs.getLong(3), (System.nanoTime() - t0) / 1_000_000);
            }
        }
        List<Long> times = new ArrayList<>();
        String body = null;
        for (int i = 0; i < 7; i++) {
            long t0 = System.nanoTime();
            body = given().auth().oauth2(Tokens.of("admin1")).queryParam("division", "1301")
                    .queryParam("from", "2032-01-01").queryParam("to", "2032-02-01")
                    .when().get("/api/roster/coverage").then().statusCode(200).extract().asString();
            if (i >= 2) {
                times.add((System.nanoTime() - t0) / 1_000_000);
            }
        }
        Collections.sort(times);
        var json = io.restassured.path.json.JsonPath.from(body);
        System.out.printf("[bench] coverage 1301, January 2032 (%d line-hours checked, %d lines, %d gaps): "
                        + "median %d ms, min %d ms, max %d ms over %d runs, response %d KiB%n",
                json.getLong("hoursChecked"), json.getList("lines").size(), json.getList("gaps").size(),
                times.get(times.size() / 2), times.get(0), times.get(times.size() - 1), times.size(),
                body.length() / 1024);
    }
}
