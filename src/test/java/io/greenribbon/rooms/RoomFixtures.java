package io.greenribbon.rooms;

import io.greenribbon.rooms.client.ClientCodes;
import io.greenribbon.testkit.PostgresServer;
import io.greenribbon.testkit.TestInfrastructure;
import io.greenribbon.testkit.Tokens;
import io.restassured.http.ContentType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/**
 * Rooms, counsellors, clients and times for the booking tests. Each test makes its own room (and
 * counsellors, and clients), so tests never collide with each other or with the demo week.
 */
public final class RoomFixtures {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** A Qiaoxi village the tests put their rooms in (staff1's own village). */
    public static final String VILLAGE = "130104001001";
    public static final String OTHER_VILLAGE = "130104001002";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private RoomFixtures() {
    }

    /** A room open every day 06:00-22:00, with every facility, kept by {@code staff}; its id. */
    public static long room(String division, String... staff) {
        return room(division, Map.of(), staff);
    }

    /** A room with extra fields of the create request (overriding the defaults). */
    public static long room(String division, Map<String, Object> overrides, String... staff) {
        List<Map<String, Object>> hours = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            hours.add(Map.of("day", day, "opens", "06:00", "closes", "22:00"));
        }
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "division", division,
                "name", "测试咨询室 " + System.nanoTime() + "-" + SEQUENCE.incrementAndGet(),
                "address", "测试地址 1 号",
                "capacity", 4,
                "facilities", List.of("PRIVATE", "SOUNDPROOF", "PHONE_LINK", "VIDEO_LINK"),
                "weeklyHours", hours,
                "staff", List.of(staff)));
        body.putAll(overrides);
        return given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON).body(body)
                .when().post("/api/rooms")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** An active counsellor of the pool, kept by {@code homeDivision} (a county or the city). */
    public static long counsellor(String homeDivision) {
        return counsellors(homeDivision, "ACTIVE", 1).get(0);
    }

    public static List<Long> counsellors(String homeDivision, String status, int count) {
        return insert("INSERT INTO counsellor (full_name, home_division, kind, status) VALUES (?, ?, 'COUNSELLOR', ?) RETURNING id",
                count, s -> {
                    s.setString(1, "测试咨询师" + SEQUENCE.incrementAndGet());
                    s.setString(2, homeDivision);
                    s.setString(3, status);
                });
    }

    /** A client registered through the API by {@code username} in {@code division}; its id. */
    public static long client(String username, String division) {
        return given().auth().oauth2(Tokens.of(username)).contentType(ContentType.JSON)
                .body(Map.of("division", division, "contact", Map.of("name", "小王", "phone", "13800000000")))
                .when().post("/api/clients")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Many clients at once, straight into the table (the concurrency tests need hundreds). */
    public static List<Long> clients(String division, int count) {
        return insert("INSERT INTO room_client (code, division_code, registered_by) VALUES (?, ?, 'test') RETURNING id",
                count, s -> {
                    s.setString(1, ClientCodes.next());
                    s.setString(2, division);
                });
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Runs an INSERT … RETURNING id {@code count} times; the ids. */
    private static List<Long> insert(String sql, int count, Binder binder) {
        List<Long> ids = new ArrayList<>();
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < count; i++) {
                binder.bind(s);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    ids.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    /** A local date some weeks ahead (inside the booking horizon, clear of the demo week). */
    public static LocalDate day(int weeksAhead, int dayOffset) {
        return LocalDate.now(ZONE).plusWeeks(weeksAhead).plusDays(dayOffset);
    }

    public static OffsetDateTime at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(ZONE).toOffsetDateTime();
    }

    /** A time as the API writes it (ISO-8601 with seconds, in the rooms' zone). */
    public static String iso(LocalDate day, String time) {
        return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at(day, time));
    }

    /** A booking request body. */
    public static Map<String, Object> booking(long room, long counsellor, long client, OffsetDateTime start,
                                              OffsetDateTime end) {
        return new java.util.HashMap<>(Map.of("roomId", room, "counsellorId", counsellor, "clientId", client,
                "start", start.toString(), "end", end.toString(), "mode", "IN_PERSON", "purpose", "情绪疏导"));
    }

    /** Books through the API as {@code username}, expecting 201; the booking's id. */
    public static long book(String username, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.of(username)).contentType(ContentType.JSON).body(body)
                .when().post("/api/bookings").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long count(String sql, Object... params) {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row, as text. */
    public static String text(String sql, Object... params) {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String roomName(long room) {
        return text("SELECT name FROM room WHERE id = ?", room);
    }

    public static void execute(String sql, Object... params) {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A booking written straight into the table, bypassing the notice rule: for lifecycle steps that
     * need a session happening now. Its id.
     */
    public static long bookedNow(long room, long counsellor, long client, OffsetDateTime start, OffsetDateTime end) {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO booking (room_id, counsellor_id, client_id, starts_at, ends_at, mode, created_by)
                VALUES (?, ?, ?, ?, ?, 'IN_PERSON', 'test') RETURNING id""")) {
            s.setLong(1, room);
            s.setLong(2, counsellor);
            s.setLong(3, client);
            s.setObject(4, start);
            s.setObject(5, end);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                try (Statement e = c.createStatement()) {
                    e.execute("INSERT INTO booking_event (booking_id, kind, actor, starts_at, ends_at, counsellor_id) "
                            + "SELECT id, 'BOOKED', 'test', starts_at, ends_at, counsellor_id FROM booking WHERE id = " + id);
                }
                return id;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Connection db() throws SQLException {
        return TestInfrastructure.get().postgres.superuser(PostgresServer.DATABASE);
    }
}
