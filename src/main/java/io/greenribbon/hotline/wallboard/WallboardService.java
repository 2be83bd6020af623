package io.greenribbon.hotline.wallboard;

import io.greenribbon.hotline.Sql;
import io.greenribbon.hotline.figures.CallFigures;
import io.greenribbon.hotline.figures.CallMeasures;
import io.greenribbon.hotline.figures.HotlineFigures;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The wallboards: today's {@link HotlineFigures} per line division, the calls in progress (per line too) and
 * the presence, read once and summed up the division tree in memory.
 */
@ApplicationScoped
public class WallboardService {

    private final HotlineFigures figures;

    public WallboardService(HotlineFigures figures) {
        this.figures = figures;
    }

    /** Today's figures, the calls in progress and the current presence, per line division under a prefix. */
    public record Snapshot(Instant from, Instant at, Map<String, CallMeasures> measures,
                           Map<String, HotlineFigures.InProgress> now, List<Object[]> presence,
                           List<WallboardView.Line> lines) {

        /** The board of {@code division}: every line division beneath it, summed. */
        WallboardView board(String division, int serviceLevelSeconds) {
            CallMeasures sum = measures.entrySet().stream().filter(e -> e.getKey().startsWith(division))
                    .map(Map.Entry::getValue).reduce(CallMeasures.ZERO, CallMeasures::plus);
            HotlineFigures.InProgress going = now.entrySet().stream().filter(e -> e.getKey().startsWith(division))
                    .map(Map.Entry::getValue).reduce(HotlineFigures.InProgress.NONE, HotlineFigures.InProgress::plus);
            Map<String, Long> agents = new TreeMap<>();
            Map<String, Long> paused = new TreeMap<>();
            for (Object[] row : presence) {
                if (!((String) row[0]).startsWith(division)) {
                    continue;
                }
                long n = Sql.number(row[3]);
                agents.merge((String) row[1], n, Long::sum);
                if ("PAUSED".equals(row[1])) {
                    paused.merge((String) row[2], n, Long::sum);
                }
            }
            return new WallboardView(division, Sql.at(from), Sql.at(at), CallFigures.of(sum, serviceLevelSeconds),
                    going.waiting(), going.talking(), agents, paused,
                    lines.stream().filter(l -> l.division().startsWith(division)).toList());
        }
    }

    public Uni<WallboardView> board(String division) {
        return snapshot(division).map(s -> s.board(division, figures.serviceLevelSeconds()));
    }

    /** The figures under {@code prefix} since local midnight, and what goes on now. */
    public Uni<Snapshot> snapshot(String prefix) {
        ZoneId zone = figures.zone();
        Instant now = Instant.now();
        Instant midnight = LocalDate.now(zone).atStartOfDay(zone).toInstant();
        return Panache.withSession(() -> figures.measure(prefix, midnight, null, HotlineFigures.By.LINE_DIVISION)
                .flatMap(measured -> figures.inProgress(prefix).flatMap(going -> presence(prefix)
                        .flatMap(presence -> figures.inProgressByLine(prefix)
                                .flatMap(byLine -> LinesNow.lines(prefix, byLine))
                                .map(lines -> {
                                    Map<String, CallMeasures> byDivision = new HashMap<>();
                                    measured.forEach(m -> byDivision.put(m.lineDivision(), m.measures()));
                                    return new Snapshot(midnight, now, byDivision, going, presence, lines);
                                })))));
    }

    int serviceLevelSeconds() {
        return figures.serviceLevelSeconds();
    }

    /**
     * Signed-in counsellors by the line they serve, what they do and pause reason: on a call (whatever their
     * state: a counsellor may pause during a call so as not to get the next one), else their state.
     */
    private Uni<List<Object[]>> presence(String prefix) {
        return Sql.rows("""
                SELECT queue_division, CASE WHEN in_call_contact_id IS NOT NULL THEN 'ON_CALL' ELSE state END,
                       coalesce(pause_reason, ''), count(*) FROM hotline_presence
                WHERE state <> 'OFFLINE' AND queue_division LIKE :prefix
                GROUP BY 1, 2, 3""", "prefix", prefix + "%");
    }
}
