package io.greenribbon.hotline.wallboard;

import io.greenribbon.hotline.HotlineConfig;
import io.greenribbon.hotline.Sql;
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

/** The wallboard figures: two grouped queries, summed up the division tree in memory. */
@ApplicationScoped
public class WallboardService {

    private final HotlineConfig config;

    public WallboardService(HotlineConfig config) {
        this.config = config;
    }

    /** Today's figures and the current presence, per line division under {@code prefix}. */
    public record Snapshot(Instant from, Instant at, Map<String, Tally> tallies, List<Object[]> presence) {

        /** The board of {@code division}: every line division beneath it, summed. */
        WallboardView board(String division, int serviceLevelSeconds) {
            Tally sum = tallies.entrySet().stream().filter(e -> e.getKey().startsWith(division))
                    .map(Map.Entry::getValue).reduce(Tally.ZERO, Tally::plus);
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
            return new WallboardView(division, Sql.at(from), Sql.at(at), sum.offered(), sum.answered(),
                    sum.abandoned(), sum.shortAbandoned(), sum.endedBeforeQueue(), sum.backup(), sum.raised(),
                    sum.answerRate(), sum.inAreaRate(), sum.asaSeconds(), sum.serviceLevel(), serviceLevelSeconds,
                    sum.waitingNow(), sum.talkingNow(), agents, paused);
        }
    }

    public Uni<WallboardView> board(String division) {
        return snapshot(division).map(s -> s.board(division, serviceLevelSeconds()));
    }

    /** The figures under {@code prefix}, from local midnight until now. */
    public Uni<Snapshot> snapshot(String prefix) {
        ZoneId zone = ZoneId.of(config.timeZone());
        Instant now = Instant.now();
        Instant midnight = LocalDate.now(zone).atStartOfDay(zone).toInstant();
        return Panache.withSession(() -> tallies(prefix, midnight).flatMap(tallies -> presence(prefix)
                .map(presence -> new Snapshot(midnight, now, tallies, presence))));
    }

    int serviceLevelSeconds() {
        return (int) config.serviceLevelThreshold().toSeconds();
    }

    private Uni<Map<String, Tally>> tallies(String prefix, Instant from) {
        return Sql.rows("""
                        SELECT division_code,
                          count(*) FILTER (WHERE day AND queued_at IS NOT NULL),
                          count(*) FILTER (WHERE day AND answered_at IS NOT NULL),
                          count(*) FILTER (WHERE day AND queued_at IS NOT NULL AND outcome = 'ABANDONED'),
                          count(*) FILTER (WHERE day AND queued_at IS NOT NULL AND outcome = 'SHORT_ABANDON'),
                          count(*) FILTER (WHERE day AND status = 'CLOSED' AND queued_at IS NULL AND answered_at IS NULL),
                          count(*) FILTER (WHERE day AND answered_via = 'BACKUP'),
                          count(*) FILTER (WHERE day AND risk_reason IS NOT NULL),
                          count(*) FILTER (WHERE day AND answered_via IN ('TIER1', 'PREFERRED')),
                          count(*) FILTER (WHERE day AND answered_at IS NOT NULL AND queue_wait_ms <= :level),
                          count(*) FILTER (WHERE day AND answered_at IS NOT NULL AND queue_wait_ms IS NOT NULL),
                          coalesce(sum(queue_wait_ms) FILTER (WHERE day AND answered_at IS NOT NULL), 0),
                          count(*) FILTER (WHERE status = 'OPEN' AND answered_at IS NULL AND queued_at IS NOT NULL),
                          count(*) FILTER (WHERE status = 'OPEN' AND answered_at IS NOT NULL)
                        FROM (SELECT c.*, c.offered_at >= :from AS day FROM hotline_contact c
                              WHERE c.division_code LIKE :prefix AND (c.offered_at >= :from OR c.status = 'OPEN')) c
                        GROUP BY division_code""",
                        "level", (int) config.serviceLevelThreshold().toMillis(), "from", Sql.at(from),
                        "prefix", prefix + "%")
                .map(rows -> {
                    Map<String, Tally> byDivision = new HashMap<>();
                    for (Object[] r : rows) {
                        byDivision.put((String) r[0], new Tally(Sql.number(r[1]), Sql.number(r[2]), Sql.number(r[3]),
                                Sql.number(r[4]), Sql.number(r[5]), Sql.number(r[6]), Sql.number(r[7]),
                                Sql.number(r[8]), Sql.number(r[9]), Sql.number(r[10]), Sql.number(r[11]),
                                Sql.number(r[12]), Sql.number(r[13])));
                    }
                    return byDivision;
                });
    }

    /** Signed-in counsellors by the line they serve, state and pause reason. */
    private Uni<List<Object[]>> presence(String prefix) {
        return Sql.rows("""
                SELECT queue_division, state, coalesce(pause_reason, ''), count(*) FROM hotline_presence
                WHERE state <> 'OFFLINE' AND queue_division LIKE :prefix
                GROUP BY 1, 2, 3""", "prefix", prefix + "%");
    }
}
