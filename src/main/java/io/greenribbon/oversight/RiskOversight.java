package io.greenribbon.oversight;

import io.greenribbon.hotline.Sql;
import io.greenribbon.risk.RiskGate;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Risk and caseload figures of a division for a period: each figure defined once here, counted in PostgreSQL
 * through the risk gate (a health official's read of counts, audited; row-level security limits the rows to the
 * division). Counts only: no case, person or counsellor is named.
 */
@ApplicationScoped
public class RiskOversight {

    static final List<String> SCREENING_LEVELS = List.of("NONE", "LOW", "MODERATE", "HIGH", "IMMINENT");
    static final List<String> CASE_LEVELS = List.of("MODERATE", "HIGH", "IMMINENT");
    static final List<String> CLOSE_REASONS = List.of("RISK_RESOLVED", "LINKED_TO_CARE", "LOST_TO_FOLLOW_UP",
            "MOVED_AWAY", "DECEASED", "DUPLICATE");
    /** The caseload buckets: open cases per counsellor holding any (lower bounds; the last is open-ended). */
    static final int[] CASELOAD_FROM = {1, 2, 3, 6, 11, 21};

    /** Cases opened in the period by level, and their total: the table counted by division. */
    static final CountQuery CASES_OPENED = new CountQuery("risk_case r", "r.division", "r.opened_at", null, List.of(
            "count(*) FILTER (WHERE r.level = 'MODERATE')", "count(*) FILTER (WHERE r.level = 'HIGH')",
            "count(*) FILTER (WHERE r.level = 'IMMINENT')", "count(*)"));
    static final List<String> CASES_OPENED_COLUMNS = List.of("moderate", "high", "imminent", "casesOpened");

    @Schema(description = "Risk and caseload figures of a division over a period. Counts only. Rates and times are null "
            + "when they have no base. Below county level only the protected table is given (summary null).")
    public record RiskFigures(
            String division, String divisionName, String from, String to,
            @Schema(description = "The division's own figures (county level and above), or null below county level.")
            Summary summary,
            @Schema(description = "Cases opened by level, by the divisions beneath (protected below county level).")
            FigureTable casesOpenedByDivision) {
    }

    @Schema(description = "Risk figures of one division: screenings and cases of the period, open cases now, follow-ups "
            + "due in the period, break-the-glass uses, and the open caseload per counsellor as a distribution.")
    public record Summary(
            @Schema(description = "Screenings (C-SSRS) made in the period, by final level; total = the sum.")
            Map<String, Long> screeningsByLevel, long screenings,
            @Schema(description = "Cases opened in the period, by level; total = the sum.")
            Map<String, Long> casesOpenedByLevel, long casesOpened,
            @Schema(description = "Cases opened in the period that a supervisor has acknowledged.") long acknowledged,
            @Schema(description = "Median time from a case's opening to a supervisor's acknowledgement, seconds, over "
                    + "the acknowledged cases opened in the period.", nullable = true) Double medianSecondsToAcknowledge,
            @Schema(description = "90th percentile of the same.", nullable = true) Double p90SecondsToAcknowledge,
            @Schema(description = "Imminent cases opened in the period.") long imminent,
            @Schema(description = "Of those, cases with an emergency referral (110/119/120).") long imminentReferred,
            @Schema(description = "Of those, cases where every referral's outcome is recorded.") long imminentOutcomeConfirmed,
            @Schema(description = "Of those, cases where the emergency services reached the person.") long imminentReached,
            @Schema(description = "Cases open now.") long openNow,
            @Schema(description = "Median age of the cases open now, days (one decimal).", nullable = true) Double openMedianAgeDays,
            @Schema(description = "Age of the oldest case open now, days (one decimal).", nullable = true) Double openOldestAgeDays,
            @Schema(description = "Follow-ups due in the period.") long followUpsDue,
            @Schema(description = "Of those, completed within 48 hours of their window opening.") long followUpsWithin48h,
            @Schema(description = "Of those, completed later.") long followUpsLate,
            @Schema(description = "Of those, lost (every attempt failed).") long followUpsLost,
            @Schema(description = "Of those, still open.") long followUpsOpen,
            @Schema(description = "Cases closed in the period, by reason; total = the sum.") Map<String, Long> closedByReason,
            long closed,
            @Schema(description = "Break-the-glass uses granted in the period.") long breakGlassUses,
            @Schema(description = "Of those, awaiting review.") long breakGlassAwaitingReview,
            @Schema(description = "Of those, reviewed as justified.") long breakGlassJustified,
            @Schema(description = "Of those, reviewed as unjustified.") long breakGlassUnjustified,
            @Schema(description = "Counsellors holding open cases now, by how many they hold (bucket: the lowest "
                    + "count of the bucket, e.g. \"3-5\"), without names.") Map<String, Long> caseloadDistribution,
            @Schema(description = "Median of the open cases per counsellor holding any.", nullable = true) Double caseloadMedian,
            @Schema(description = "Most open cases held by one counsellor.") long caseloadMax) {
    }

    private final RiskGate gate;
    private final Breakdowns breakdowns;
    private final Clock clock;

    public RiskOversight(RiskGate gate, Breakdowns breakdowns, Clock clock) {
        this.gate = gate;
        this.breakdowns = breakdowns;
        this.clock = clock;
    }

    public Uni<RiskFigures> figures(String division, Period period, Locale locale) {
        return gate.figures(division, tx -> breakdowns.byDivision("casesOpenedByDivision", CASES_OPENED_COLUMNS, true,
                        CASES_OPENED, division, period, locale)
                .chain(table -> (CountTree.belowCounty(division) ? Uni.createFrom().<Summary>nullItem()
                        : summary(division, period))
                        .chain(summary -> breakdowns.name(division, locale).map(name -> new RiskFigures(division, name,
                                period.from().toString(), period.to().toString(), summary, table)))));
    }

    private Uni<Summary> summary(String division, Period period) {
        Object[] p = {"prefix", division + "%", "from", Sql.at(period.start()), "to", Sql.at(period.end())};
        Object[] now = {"prefix", division + "%", "now", Sql.at(clock.instant())};
        String screenings = "SELECT " + filtered("s.final_level", SCREENING_LEVELS) + """
                 FROM risk_screening s
                WHERE s.division LIKE :prefix AND s.screened_at >= :from AND s.screened_at < :to""";
        String opened = "SELECT " + filtered("r.level", CASE_LEVELS) + """
                , count(*) FILTER (WHERE r.acknowledged_at IS NOT NULL),
                  percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.acknowledged_at - r.opened_at))
                      FILTER (WHERE r.acknowledged_at IS NOT NULL),
                  percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM r.acknowledged_at - r.opened_at))
                      FILTER (WHERE r.acknowledged_at IS NOT NULL),
                  count(*) FILTER (WHERE r.level = 'IMMINENT' AND f.referrals > 0),
                  count(*) FILTER (WHERE r.level = 'IMMINENT' AND f.referrals > 0 AND f.unconfirmed = 0),
                  count(*) FILTER (WHERE r.level = 'IMMINENT' AND f.reached > 0)
                 FROM risk_case r
                 LEFT JOIN LATERAL (SELECT count(*) AS referrals, count(*) FILTER (WHERE x.outcome IS NULL) AS unconfirmed,
                                           count(*) FILTER (WHERE x.outcome = 'REACHED') AS reached
                                      FROM risk_referral x WHERE x.case_id = r.id AND r.level = 'IMMINENT') f ON true
                WHERE r.division LIKE :prefix AND r.opened_at >= :from AND r.opened_at < :to""";
        String open = """
                SELECT count(*),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM :now - r.opened_at)),
                       max(extract(epoch FROM :now - r.opened_at))
                  FROM risk_case r WHERE r.division LIKE :prefix AND r.status = 'OPEN'""";
        String followUps = """
                SELECT count(*),
                       count(*) FILTER (WHERE f.status = 'COMPLETED' AND f.completed_at < f.window_opens_at + interval '48 hours'),
                       count(*) FILTER (WHERE f.status = 'COMPLETED' AND f.completed_at >= f.window_opens_at + interval '48 hours'),
                       count(*) FILTER (WHERE f.status = 'LOST'), count(*) FILTER (WHERE f.status = 'OPEN')
                  FROM risk_follow_up f JOIN risk_case r ON r.id = f.case_id
                 WHERE r.division LIKE :prefix AND f.due_at >= :from AND f.due_at < :to""";
        String closed = "SELECT " + filtered("r.close_reason", CLOSE_REASONS) + """
                 FROM risk_case r
                WHERE r.division LIKE :prefix AND r.status = 'CLOSED' AND r.closed_at >= :from AND r.closed_at < :to""";
        String glass = """
                SELECT count(*), count(*) FILTER (WHERE g.reviewed_at IS NULL),
                       count(*) FILTER (WHERE g.verdict = 'JUSTIFIED'), count(*) FILTER (WHERE g.verdict = 'UNJUSTIFIED')
                  FROM risk_break_glass g
                 WHERE g.division LIKE :prefix AND g.granted_at >= :from AND g.granted_at < :to""";
        StringBuilder buckets = new StringBuilder();
        for (int i = 0; i < CASELOAD_FROM.length; i++) {
            buckets.append("count(*) FILTER (WHERE n >= ").append(CASELOAD_FROM[i])
                    .append(i + 1 < CASELOAD_FROM.length ? " AND n < " + CASELOAD_FROM[i + 1] : "").append("), ");
        }
        String caseload = "SELECT " + buckets + """
                percentile_cont(0.5) WITHIN GROUP (ORDER BY n), coalesce(max(n), 0)
                  FROM (SELECT count(*) AS n FROM risk_case r WHERE r.division LIKE :prefix AND r.status = 'OPEN'
                        GROUP BY r.assigned_counsellor) c""";
        return Sql.rows(screenings, p).chain(s -> Sql.rows(opened, p).chain(o -> Sql.rows(open, now)
                .chain(n -> Sql.rows(followUps, p).chain(f -> Sql.rows(closed, p).chain(c -> Sql.rows(glass, p)
                        .chain(g -> Sql.rows(caseload, withoutTimes(p)).map(l -> {
                            Object[] sr = s.get(0), or = o.get(0), nr = n.get(0), fr = f.get(0), cr = c.get(0),
                                    gr = g.get(0), lr = l.get(0);
                            Map<String, Long> byScreening = byKey(SCREENING_LEVELS, sr, 0);
                            Map<String, Long> byCase = byKey(CASE_LEVELS, or, 0);
                            Map<String, Long> byReason = byKey(CLOSE_REASONS, cr, 0);
                            int k = CASE_LEVELS.size();
                            Map<String, Long> distribution = new LinkedHashMap<>();
                            for (int i = 0; i < CASELOAD_FROM.length; i++) {
                                distribution.put(bucket(i), Sql.number(lr[i]));
                            }
                            return new Summary(byScreening, sum(byScreening), byCase, sum(byCase),
                                    Sql.number(or[k]), decimal(or[k + 1], 1), decimal(or[k + 2], 1),
                                    byCase.get("IMMINENT"), Sql.number(or[k + 3]), Sql.number(or[k + 4]), Sql.number(or[k + 5]),
                                    Sql.number(nr[0]), days(nr[1]), days(nr[2]),
                                    Sql.number(fr[0]), Sql.number(fr[1]), Sql.number(fr[2]), Sql.number(fr[3]), Sql.number(fr[4]),
                                    byReason, sum(byReason),
                                    Sql.number(gr[0]), Sql.number(gr[1]), Sql.number(gr[2]), Sql.number(gr[3]),
                                    distribution, decimal(lr[CASELOAD_FROM.length], 1),
                                    Sql.number(lr[CASELOAD_FROM.length + 1]));
                        })))))));
    }

    private static Object[] withoutTimes(Object[] p) {
        return new Object[]{p[0], p[1]};
    }

    static String bucket(int i) {
        int from = CASELOAD_FROM[i];
        if (i + 1 == CASELOAD_FROM.length) {
            return from + "+";
        }
        int to = CASELOAD_FROM[i + 1] - 1;
        return from == to ? Integer.toString(from) : from + "-" + to;
    }

    /** One {@code count(*) FILTER (WHERE column = 'key')} per key, in order. */
    static String filtered(String column, List<String> keys) {
        return String.join(", ", keys.stream().map(k -> "count(*) FILTER (WHERE " + column + " = '" + k + "')").toList());
    }

    static Map<String, Long> byKey(List<String> keys, Object[] row, int offset) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            out.put(keys.get(i), Sql.number(row[offset + i]));
        }
        return out;
    }

    static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    static Double decimal(Object value, int places) {
        if (value == null) {
            return null;
        }
        double scale = Math.pow(10, places);
        return Math.round(((Number) value).doubleValue() * scale) / scale;
    }

    private static Double days(Object seconds) {
        return seconds == null ? null : decimal(((Number) seconds).doubleValue() / 86400.0, 1);
    }
}
