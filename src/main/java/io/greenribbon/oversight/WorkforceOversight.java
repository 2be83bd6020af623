package io.greenribbon.oversight;

import io.greenribbon.counsellors.CounsellorsConfig;
import io.greenribbon.hotline.Sql;
import io.greenribbon.roster.CoverageQuery;
import io.greenribbon.roster.RosterConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Workforce figures of a division: the pool by kind and how much of it is certified (today), credentials running
 * out, and the hours the roster left the division's lines below their minimum staffing in the period (the roster's
 * own coverage query). Counts only.
 */
@ApplicationScoped
public class WorkforceOversight {

    static final List<String> KINDS = List.of("COUNSELLOR", "PSYCHOTHERAPIST", "HEALTH_EDUCATOR");
    static final List<String> POOL_COLUMNS = List.of("counsellor", "psychotherapist", "healthEducator", "active",
            "certified", "certifiedShare", "credentialsExpiring");

    /**
     * Active pool members by kind, the active total, those holding a credential valid today, and credentials of
     * active members whose validity ends within the warning period (from today on), grouped by {@code %s}.
     */
    private static final String POOL = """
            SELECT %s, %s, count(*),
                   count(*) FILTER (WHERE EXISTS (SELECT 1 FROM counsellor_credential k WHERE k.counsellor_id = c.id
                       AND k.valid_from <= :today AND (k.valid_until IS NULL OR k.valid_until >= :today))),
                   coalesce(sum((SELECT count(*) FROM counsellor_credential k WHERE k.counsellor_id = c.id
                       AND k.valid_until >= :today AND k.valid_until <= :until)), 0)
              FROM counsellor c
             WHERE c.home_division LIKE :prefix AND c.status = 'ACTIVE'
             GROUP BY 1 ORDER BY 1""";

    @Schema(description = "Workforce figures of a division: the pool (today) by kind, certified share, credentials "
            + "running out within the warning period, and roster coverage gaps in the period.")
    public record WorkforceFigures(String division, String divisionName, String from, String to,
                                   @Schema(description = "Active pool members by kind, with the division's total last.")
                                   FigureTable pool,
                                   @Schema(description = "Hours of the period in which a line of the division was "
                                           + "staffed below its minimum, per line, and the seat-hours missing.")
                                   FigureTable coverageGaps) {
    }

    private final CoverageQuery coverage;
    private final RosterConfig roster;
    private final CounsellorsConfig counsellors;
    private final Breakdowns breakdowns;
    private final Clock clock;

    public WorkforceOversight(CoverageQuery coverage, RosterConfig roster, CounsellorsConfig counsellors,
                              Breakdowns breakdowns, Clock clock) {
        this.coverage = coverage;
        this.roster = roster;
        this.counsellors = counsellors;
        this.breakdowns = breakdowns;
        this.clock = clock;
    }

    public Uni<WorkforceFigures> figures(String division, Period period, Locale locale) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), period.zone());
        String kinds = RiskOversight.filtered("c.kind", KINDS);
        String key = division.length() >= 6 ? "c.home_division"
                : "substring(c.home_division, 1, " + (division.length() + 2) + ")";
        Object[] p = {"prefix", division + "%", "today", today, "until", today.plus(counsellors.expiryWarning())};
        Uni<FigureTable> pool = Panache.withSession(() -> Sql.rows(POOL.formatted(key, kinds), p)
                .chain(rows -> breakdowns.children(division, locale).chain(kids -> breakdowns.name(division, locale)
                        .map(name -> poolTable(division, name, kids, rows)))));
        return pool.chain(table -> coverage.gaps(division, period.start(), period.end(), period.zone(),
                        roster.cityLineMinimumSeats())
                .map(gaps -> {
                    Map<String, long[]> byLine = new java.util.TreeMap<>();
                    gaps.forEach(g -> {
                        long[] n = byLine.computeIfAbsent(g.line(), k -> new long[2]);
                        n[0]++;
                        n[1] += g.required() - g.staffed();
                    });
                    List<FigureTable.Row> rows = new ArrayList<>();
                    byLine.forEach((line, n) -> rows.add(FigureTable.row(line, null, List.of(n[0], n[1]))));
                    return new FigureTable("coverageGaps", List.of("hoursShort", "seatHoursMissing"), rows);
                })
                .chain(gaps -> breakdowns.nameOutsideSession(division, locale).map(name -> new WorkforceFigures(division,
                        name, period.from().toString(), period.to().toString(), table, gaps))));
    }

    private static FigureTable poolTable(String division, String name, List<String[]> kids, List<Object[]> rows) {
        Map<String, long[]> counts = new java.util.HashMap<>();
        long[] total = new long[KINDS.size() + 3];
        for (Object[] r : rows) {
            long[] n = new long[KINDS.size() + 3];
            for (int i = 0; i < n.length; i++) {
                n[i] = Sql.number(r[1 + i]);
                total[i] += n[i];
            }
            counts.put((String) r[0], n);
        }
        List<FigureTable.Row> out = new ArrayList<>();
        if (division.length() < 6) {
            for (String[] kid : kids) {
                out.add(FigureTable.row(kid[0], kid[1], poolRow(counts.getOrDefault(kid[0], new long[total.length]))));
            }
            long[] own = counts.get(division);
            if (own != null) {
                out.add(FigureTable.row(CountTree.direct(division), null, poolRow(own)));
            }
        }
        out.add(FigureTable.row(division, name, poolRow(total)));
        return new FigureTable("pool", POOL_COLUMNS, out);
    }

    /** Kinds, active, certified, certified share (four decimals, null without members), credentials expiring. */
    private static List<Number> poolRow(long[] n) {
        int k = KINDS.size();
        List<Number> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            out.add(n[i]);
        }
        out.add(n[k]);
        out.add(n[k + 1]);
        out.add(n[k] == 0 ? null : Math.round(n[k + 1] * 10000.0 / n[k]) / 10000.0);
        out.add(n[k + 2]);
        return out;
    }
}
