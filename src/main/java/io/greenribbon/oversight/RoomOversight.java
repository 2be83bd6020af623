package io.greenribbon.oversight;

import io.greenribbon.hotline.Sql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Counselling room figures of a division for a period: sessions by what became of them, and how much of the
 * rooms' opening hours the sessions took. Each defined once here; counted in PostgreSQL.
 */
@ApplicationScoped
public class RoomOversight {

    /**
     * Sessions starting in the period, by status; the last column is their total. booked = completed + noShow +
     * cancelled + pending (booked or checked in, not finished).
     */
    static final CountQuery SESSIONS = new CountQuery("booking b JOIN room r ON r.id = b.room_id", "r.division_code",
            "b.starts_at", null, List.of("count(*) FILTER (WHERE b.status = 'COMPLETED')",
            "count(*) FILTER (WHERE b.status = 'NO_SHOW')", "count(*) FILTER (WHERE b.status = 'CANCELLED')",
            "count(*) FILTER (WHERE b.status IN ('BOOKED', 'CHECKED_IN'))", "count(*)"));
    static final List<String> SESSION_COLUMNS = List.of("completed", "noShow", "cancelled", "pending", "booked");
    static final List<String> USE_COLUMNS = List.of("openHours", "bookedHours", "utilisation");

    /**
     * The seconds each room was open in the period (weekly hours of each local day, plus the day's extra openings,
     * minus its closures: a whole-day closure closes the day, a closure with times takes its overlap with the
     * weekly hours) and the seconds of its sessions starting in the period that were not cancelled. Weekly windows
     * of one day are assumed not to overlap (the room's rules keep them apart, as {@code rooms.OpeningHours}
     * merges them).
     */
    private static final String USE = """
            WITH rooms AS (
                SELECT r.id, r.division_code, r.name FROM room r WHERE r.division_code LIKE :prefix AND r.status = 'OPEN'
            ), days AS (
                SELECT d::date AS day, CAST(extract(isodow FROM d) AS int) AS dow
                  FROM generate_series(CAST(:fromDate AS date), CAST(:toDate AS date) - 1, interval '1 day') d
            ), weekly AS (
                SELECT w.room_id, w.day_of_week, sum(extract(epoch FROM w.closes - w.opens)) AS s
                  FROM room_weekly_hours w JOIN rooms r ON r.id = w.room_id GROUP BY 1, 2
            ), dated AS (
                SELECT x.room_id, x.on_date, bool_or(x.kind = 'CLOSED' AND x.opens IS NULL) AS whole,
                       sum(CASE WHEN x.kind = 'OPEN' THEN extract(epoch FROM x.closes - x.opens) ELSE 0 END) AS extra,
                       sum(CASE WHEN x.kind = 'CLOSED' AND x.opens IS NOT NULL THEN
                           (SELECT coalesce(sum(greatest(0, extract(epoch FROM least(w.closes, x.closes) - greatest(w.opens, x.opens)))), 0)
                              FROM room_weekly_hours w WHERE w.room_id = x.room_id AND w.day_of_week = extract(isodow FROM x.on_date))
                           ELSE 0 END) AS cut
                  FROM room_dated_hours x JOIN rooms r ON r.id = x.room_id
                 WHERE x.on_date >= CAST(:fromDate AS date) AND x.on_date < CAST(:toDate AS date) GROUP BY 1, 2
            ), open AS (
                SELECT r.id, sum(CASE WHEN x.whole THEN 0 ELSE coalesce(w.s, 0) + coalesce(x.extra, 0) - coalesce(x.cut, 0) END) AS s
                  FROM rooms r CROSS JOIN days d
                  LEFT JOIN weekly w ON w.room_id = r.id AND w.day_of_week = d.dow
                  LEFT JOIN dated x ON x.room_id = r.id AND x.on_date = d.day
                 GROUP BY r.id
            ), used AS (
                SELECT b.room_id, sum(extract(epoch FROM b.ends_at - b.starts_at)) AS s
                  FROM booking b JOIN rooms r ON r.id = b.room_id
                 WHERE b.status <> 'CANCELLED' AND b.starts_at >= :from AND b.starts_at < :to GROUP BY 1
            )
            SELECT %s, coalesce(sum(o.s), 0), coalesce(sum(u.s), 0)
              FROM rooms r LEFT JOIN open o ON o.id = r.id LEFT JOIN used u ON u.room_id = r.id
             GROUP BY 1, 2 ORDER BY 1""";

    @Schema(description = "Counselling room figures of a division over a period. Sessions below county level are "
            + "protected (small-cell suppression); utilisation = booked hours / open hours, null without open hours.")
    public record RoomFigures(String division, String divisionName, String from, String to,
                              @Schema(description = "Sessions starting in the period by what became of them, by the "
                                      + "divisions beneath; booked = completed + noShow + cancelled + pending.")
                              FigureTable sessionsByDivision,
                              @Schema(description = "Open hours, booked hours (sessions not cancelled) and utilisation, "
                                      + "by the divisions beneath, or by room for a township or village.")
                              FigureTable utilisation) {
    }

    private final Breakdowns breakdowns;

    public RoomOversight(Breakdowns breakdowns) {
        this.breakdowns = breakdowns;
    }

    public Uni<RoomFigures> figures(String division, Period period, Locale locale) {
        return Panache.withSession(() -> breakdowns.byDivision("sessionsByDivision", SESSION_COLUMNS, true, SESSIONS,
                        division, period, locale)
                .chain(sessions -> utilisation(division, period, locale)
                        .chain(use -> breakdowns.name(division, locale).map(name -> new RoomFigures(division, name,
                                period.from().toString(), period.to().toString(), sessions, use)))));
    }

    /** Utilisation by the divisions beneath {@code division} (by room at township and village level), and its total. */
    Uni<FigureTable> utilisation(String division, Period period, Locale locale) {
        boolean byRoom = division.length() >= 9;
        String key = byRoom ? "'room:' || r.id, r.name" : "substring(r.division_code, 1, " + childLength(division) + "), CAST(NULL AS varchar)";
        return Sql.rows(USE.formatted(key), "prefix", division + "%", "fromDate", period.from(), "toDate", period.to(),
                "from", Sql.at(period.start()), "to", Sql.at(period.end())).chain(rows -> breakdowns.children(division, locale)
                .chain(kids -> breakdowns.name(division, locale).map(name -> {
                    java.util.Map<String, String> names = new java.util.HashMap<>();
                    kids.forEach(k -> names.put(k[0], k[1]));
                    List<FigureTable.Row> out = new ArrayList<>();
                    double open = 0;
                    double used = 0;
                    for (Object[] r : rows) {
                        double o = ((Number) r[2]).doubleValue();
                        double u = ((Number) r[3]).doubleValue();
                        open += o;
                        used += u;
                        String rowKey = (String) r[0];
                        out.add(FigureTable.row(rowKey, byRoom ? (String) r[1] : names.getOrDefault(rowKey, rowKey),
                                use(o, u)));
                    }
                    out.add(FigureTable.row(division, name, use(open, used)));
                    return new FigureTable("utilisation", USE_COLUMNS, out);
                })));
    }

    private static int childLength(String division) {
        return switch (division.length()) {
            case 2 -> 4;
            case 4 -> 6;
            case 6 -> 9;
            default -> 12;
        };
    }

    /**
     * Open hours, booked hours (one decimal) and utilisation = booked / open, to four decimals, at most 1 (sessions
     * are booked within opening hours; one kept after its hours were cut counts up to them); null without open hours.
     */
    static List<Number> use(double openSeconds, double bookedSeconds) {
        Double rate = openSeconds <= 0 ? null : Math.min(1.0, Math.round(bookedSeconds * 10000.0 / openSeconds) / 10000.0);
        List<Number> out = new ArrayList<>();
        out.add(Math.round(openSeconds / 360.0) / 10.0);
        out.add(Math.round(bookedSeconds / 360.0) / 10.0);
        out.add(rate);
        return out;
    }
}
