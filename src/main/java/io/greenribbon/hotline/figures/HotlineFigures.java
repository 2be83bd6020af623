package io.greenribbon.hotline.figures;

import io.greenribbon.hotline.HotlineConfig;
import io.greenribbon.hotline.Sql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The aid line's figures from the contacts: {@link CallMeasures} for the lines of a division over a period,
 * whole or broken down by line division and by local day or hour, and the calls in progress now. The
 * wallboard reads today's; reports read any period. Counts only: no caller and no counsellor is named.
 */
@ApplicationScoped
public class HotlineFigures {

    /**
     * How to break the figures down: by the line's division, and by one of local day, local hour, hour of the
     * day (0-23, every day of the period together) or ISO day of the week (1 Monday to 7 Sunday).
     */
    public enum By { LINE_DIVISION, DAY, HOUR, HOUR_OF_DAY, DAY_OF_WEEK }

    /**
     * The figures of one group: the line division ({@code null} unless broken down by it), the local start
     * of the day or hour ({@code null} unless broken down by one), in the line's time zone
     * ({@code greenribbon.hotline.time-zone}), and the hour of the day or day of the week ({@code null} unless
     * broken down by one).
     */
    public record Measured(String lineDivision, LocalDateTime periodStart, Integer slot, CallMeasures measures) {
    }

    /** Calls of a line division going on now: waiting for an answer, and talking with a counsellor. */
    public record InProgress(long waiting, long talking) {
        public static final InProgress NONE = new InProgress(0, 0);

        public InProgress plus(InProgress o) {
            return new InProgress(waiting + o.waiting, talking + o.talking);
        }
    }

    /**
     * Calls of one line going on now: waiting for an answer (with when the caller who has waited longest was
     * put through, null when nobody waits) and talking with a counsellor.
     */
    public record LineInProgress(String lineId, long waiting, Instant waitingSince, long talking) {
    }

    /** A period without an end: later than any call. */
    private static final Instant NO_END = Instant.parse("9999-01-01T00:00:00Z");

    private final HotlineConfig config;

    public HotlineFigures(HotlineConfig config) {
        this.config = config;
    }

    /**
     * The figures of the calls to the lines under {@code divisionPrefix} (a division code; every line
     * division beginning with it) that reached the line in [{@code from}, {@code to}) ({@code to} null: from
     * {@code from} on), broken down as {@code by} says (nothing: one group of all of them, when there were any).
     */
    public Uni<List<Measured>> measure(String divisionPrefix, Instant from, Instant to, By... by) {
        List<By> breakdown = Arrays.asList(by);
        if (breakdown.stream().filter(b -> b != By.LINE_DIVISION).count() > 1) {
            throw new IllegalArgumentException("Break the figures down by one of day, hour, hour of day or day of week");
        }
        String division = breakdown.contains(By.LINE_DIVISION) ? "c.division_code" : "CAST(NULL AS varchar)";
        String period = breakdown.contains(By.DAY) ? "date_trunc('day', c.offered_at AT TIME ZONE :zone)"
                : breakdown.contains(By.HOUR) ? "date_trunc('hour', c.offered_at AT TIME ZONE :zone)"
                : "CAST(NULL AS timestamp)";
        String slot = breakdown.contains(By.HOUR_OF_DAY) ? "CAST(extract(hour FROM c.offered_at AT TIME ZONE :zone) AS int)"
                : breakdown.contains(By.DAY_OF_WEEK) ? "CAST(extract(isodow FROM c.offered_at AT TIME ZONE :zone) AS int)"
                : "CAST(NULL AS int)";
        boolean zoned = breakdown.size() > (breakdown.contains(By.LINE_DIVISION) ? 1 : 0);
        String sql = "SELECT " + division + ", " + period + ", " + slot + ",\n" + MeasuresSql.COLUMNS + """

                FROM hotline_contact c %s
                WHERE c.division_code LIKE :prefix AND c.offered_at >= :from AND c.offered_at < :to
                GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""".formatted(MeasuresSql.FATE);
        Object[] params = {"prefix", divisionPrefix + "%", "from", Sql.at(from),
                "to", Sql.at(to == null ? NO_END : to), "level", (int) config.serviceLevelThreshold().toMillis()};
        if (zoned) {
            params = Arrays.copyOf(params, params.length + 2);
            params[params.length - 2] = "zone";
            params[params.length - 1] = zone().getId();
        }
        Object[] bound = params;
        return Panache.withSession(() -> Sql.rows(sql, bound)).map(rows -> rows.stream()
                .map(r -> new Measured((String) r[0], localTime(r[1]),
                        r[2] == null ? null : ((Number) r[2]).intValue(), MeasuresSql.measures(r, 3))).toList());
    }

    /**
     * What the calls to the lines under {@code divisionPrefix} in [{@code from}, {@code to}) were about and how
     * they were raised ({@link ContactProfile}), and the callers put on the callback list in that period.
     */
    public Uni<ContactProfile> profile(String divisionPrefix, Instant from, Instant to) {
        StringBuilder problems = new StringBuilder();
        for (String category : ContactProfile.CATEGORIES) {
            problems.append(",\n count(*) FILTER (WHERE c.form_saved_at IS NOT NULL AND '")
                    .append(category).append("' = ANY (string_to_array(c.problems, ',')))");
        }
        String contacts = """
                SELECT count(*), count(*) FILTER (WHERE c.risk_reason = 'PRESSED_ONE'),
                       count(*) FILTER (WHERE c.risk_reason = 'OPEN_CASE'), count(*) FILTER (WHERE c.repeat_caller),
                       count(*) FILTER (WHERE c.form_saved_at IS NOT NULL),
                       count(*) FILTER (WHERE c.form_saved_at IS NOT NULL AND c.flag_high_crisis),
                       count(*) FILTER (WHERE c.form_saved_at IS NOT NULL AND c.flag_difficult),
                       count(*) FILTER (WHERE c.form_saved_at IS NOT NULL AND c.flag_repeat)%s
                FROM hotline_contact c
                WHERE c.division_code LIKE :prefix AND c.offered_at >= :from AND c.offered_at < :to""".formatted(problems);
        String callbacks = """
                SELECT count(*), count(*) FILTER (WHERE b.reason = 'REQUESTED'), count(*) FILTER (WHERE b.status = 'REACHED')
                FROM hotline_callback b
                WHERE b.division_code LIKE :prefix AND b.created_at >= :from AND b.created_at < :to""";
        Object[] params = {"prefix", divisionPrefix + "%", "from", Sql.at(from), "to", Sql.at(to == null ? NO_END : to)};
        return Panache.withSession(() -> Sql.rows(contacts, params).chain(c -> Sql.rows(callbacks, params).map(b -> {
            Object[] r = c.get(0);
            Object[] k = b.get(0);
            Map<String, Long> byCategory = new java.util.LinkedHashMap<>();
            for (int i = 0; i < ContactProfile.CATEGORIES.size(); i++) {
                byCategory.put(ContactProfile.CATEGORIES.get(i), Sql.number(r[8 + i]));
            }
            return new ContactProfile(Sql.number(r[0]), Sql.number(r[1]), Sql.number(r[2]), Sql.number(r[3]),
                    Sql.number(r[4]), Sql.number(r[5]), Sql.number(r[6]), Sql.number(r[7]), byCategory,
                    Sql.number(k[0]), Sql.number(k[1]), Sql.number(k[2]));
        })));
    }

    /** The calls going on now to the lines under {@code divisionPrefix}, by line division. */
    public Uni<Map<String, InProgress>> inProgress(String divisionPrefix) {
        return Panache.withSession(() -> Sql.rows("""
                SELECT c.division_code, count(*) FILTER (WHERE f.fate = 'WAITING'),
                       count(*) FILTER (WHERE f.fate = 'ANSWERED')
                FROM hotline_contact c %s
                WHERE c.status = 'OPEN' AND c.division_code LIKE :prefix
                GROUP BY 1""".formatted(MeasuresSql.FATE), "prefix", divisionPrefix + "%")).map(rows -> {
            Map<String, InProgress> out = new TreeMap<>();
            rows.forEach(r -> out.put((String) r[0], new InProgress(Sql.number(r[1]), Sql.number(r[2]))));
            return out;
        });
    }

    /**
     * The calls going on now to the lines under {@code divisionPrefix}, line by line (the same fates as
     * {@link #inProgress}, so that a division's lines add up to its calls in progress).
     */
    public Uni<Map<String, LineInProgress>> inProgressByLine(String divisionPrefix) {
        return Panache.withSession(() -> Sql.rows("""
                SELECT c.line_id, count(*) FILTER (WHERE f.fate = 'WAITING'),
                       min(c.queued_at) FILTER (WHERE f.fate = 'WAITING'),
                       count(*) FILTER (WHERE f.fate = 'ANSWERED')
                FROM hotline_contact c %s
                WHERE c.status = 'OPEN' AND c.division_code LIKE :prefix AND c.line_id IS NOT NULL
                GROUP BY 1""".formatted(MeasuresSql.FATE), "prefix", divisionPrefix + "%")).map(rows -> {
            Map<String, LineInProgress> out = new TreeMap<>();
            rows.forEach(r -> out.put((String) r[0], new LineInProgress((String) r[0], Sql.number(r[1]),
                    Sql.instant(r[2]), Sql.number(r[3]))));
            return out;
        });
    }

    /** The service-level threshold the figures are counted with, in seconds. */
    public int serviceLevelSeconds() {
        return (int) config.serviceLevelThreshold().toSeconds();
    }

    /** The time zone days and hours are counted in. */
    public ZoneId zone() {
        return ZoneId.of(config.timeZone());
    }

    private static LocalDateTime localTime(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDateTime ldt) {
            return ldt;
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toLocalDateTime();
        }
        throw new IllegalArgumentException("Not a local time: " + value.getClass());
    }
}
