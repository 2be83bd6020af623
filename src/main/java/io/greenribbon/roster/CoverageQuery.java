package io.greenribbon.roster;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage in one statement. The lines of a division are its city lines (which the 12356 rule always
 * staffs) and every line with a staffing rule. Each line's shifts become +1/-1 events; their running sum is
 * the seats filled between two events; an hour's staffing is the lowest level of any stretch touching it,
 * so a shift that ends at 03:30 leaves 03:00-04:00 short. Hours and days of week are those of the local
 * zone, so 22:00-06:00 shifts are counted on both sides of midnight.
 */
@ApplicationScoped
public class CoverageQuery {

    /** One row of the result. */
    public record Shortfall(String line, Instant hourStart, int required, int staffed) {
    }

    /** The lines at or below division $1: its city lines and every line with a staffing rule. */
    private static final String LINES_BELOW = """
            SELECT code AS line FROM division WHERE code LIKE $1 || '%' AND length(code) = 4
                UNION
                SELECT DISTINCT line_division FROM staffing_minimum WHERE line_division LIKE $1 || '%'""";

    /** The one line $1, whether or not it has rules. */
    private static final String ONE_LINE = "SELECT $1::varchar AS line";

    private static final String UNDER_MINIMUM = "r.seats > 0 AND coalesce(st.seats, 0) < r.seats";

    private static final String SQL = """
            WITH lines AS (
                {lines}
            ), hours AS MATERIALIZED (
                SELECT h AS hour_start, extract(isodow FROM h AT TIME ZONE $4)::smallint AS dow,
                       extract(hour FROM h AT TIME ZONE $4)::smallint AS hr
                FROM generate_series($2::timestamptz, $3::timestamptz - interval '1 hour', interval '1 hour') h
            ), required AS (
                SELECT l.line, h.hour_start,
                       coalesce(m.seats, CASE WHEN length(l.line) = 4 THEN $5 ELSE 0 END) AS seats
                FROM lines l CROSS JOIN hours h
                LEFT JOIN staffing_minimum m ON m.line_division = l.line AND m.day_of_week = h.dow AND m.hour = h.hr
            ), shifts AS (
                SELECT s.line_division AS line, greatest(s.starts_at, $2::timestamptz) AS starts_at, s.ends_at
                FROM roster_shift s JOIN lines l ON l.line = s.line_division
                WHERE s.status = 'SCHEDULED' AND s.starts_at < $3::timestamptz AND s.ends_at > $2::timestamptz
                  AND s.starts_at > $2::timestamptz - interval '24 hours'
            ), events AS (
                SELECT line, starts_at AS t, 1 AS d FROM shifts
                UNION ALL SELECT line, ends_at, -1 FROM shifts
                UNION ALL SELECT line, $2::timestamptz, 0 FROM lines
            ), levels AS (
                SELECT line, t, sum(sum(d)) OVER (PARTITION BY line ORDER BY t) AS level
                FROM events GROUP BY line, t
            ), stretches AS (
                SELECT line, t AS from_t, least(lead(t, 1, $3::timestamptz) OVER (PARTITION BY line ORDER BY t),
                                                $3::timestamptz) AS to_t, level
                FROM levels
            ), staffed AS (
                SELECT s.line, h AS hour_start, min(s.level) AS seats
                FROM stretches s
                CROSS JOIN LATERAL generate_series(date_trunc('hour', s.from_t, 'UTC'), s.to_t - interval '1 microsecond',
                                                   interval '1 hour') h
                WHERE s.to_t > s.from_t
                GROUP BY s.line, h
            )
            SELECT r.line, r.hour_start, r.seats::int, coalesce(st.seats, 0)::int AS staffed
            FROM required r LEFT JOIN staffed st ON st.line = r.line AND st.hour_start = r.hour_start
            WHERE {filter}
            ORDER BY r.hour_start, r.line""";

    private static final String LINES = LINES_BELOW + " ORDER BY 1";

    private final Pool pool;

    public CoverageQuery(Pool pool) {
        this.pool = pool;
    }

    /** The hours in [from, to) (whole hours) below minimum on the lines at or below {@code division}. */
    public Uni<List<Shortfall>> gaps(String division, Instant from, Instant to, ZoneId zone, int cityLineSeats) {
        Tuple args = Tuple.of(division, OffsetDateTime.ofInstant(from, ZoneOffset.UTC),
                OffsetDateTime.ofInstant(to, ZoneOffset.UTC), zone.getId(), cityLineSeats);
        return hours(SQL.replace("{lines}", LINES_BELOW).replace("{filter}", UNDER_MINIMUM), args);
    }

    /**
     * Every hour in [from, to) (whole hours) of the one line {@code line}, with its minimum and the seats
     * rostered (the fewest filled at any moment of the hour), counted as {@link #gaps} counts them.
     */
    public Uni<List<Shortfall>> seats(String line, Instant from, Instant to, ZoneId zone, int cityLineSeats) {
        Tuple args = Tuple.of(line, OffsetDateTime.ofInstant(from, ZoneOffset.UTC),
                OffsetDateTime.ofInstant(to, ZoneOffset.UTC), zone.getId(), cityLineSeats);
        return hours(SQL.replace("{lines}", ONE_LINE).replace("{filter}", "TRUE"), args);
    }

    private Uni<List<Shortfall>> hours(String sql, Tuple args) {
        return pool.preparedQuery(sql).execute(args).map(rows -> {
            List<Shortfall> gaps = new ArrayList<>();
            for (Row r : rows) {
                gaps.add(new Shortfall(r.getString(0), r.getOffsetDateTime(1).toInstant(), r.getInteger(2),
                        r.getInteger(3)));
            }
            return gaps;
        });
    }

    public Uni<List<String>> lines(String division) {
        return pool.preparedQuery(LINES).execute(Tuple.of(division)).map(rows -> {
            List<String> lines = new ArrayList<>();
            rows.forEach(r -> lines.add(r.getString(0)));
            return lines;
        });
    }
}
