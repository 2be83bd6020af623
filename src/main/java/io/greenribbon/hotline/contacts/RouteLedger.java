package io.greenribbon.hotline.contacts;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static io.greenribbon.hotline.Sql.at;

/**
 * The route script's two statements, each ONE statement that commits by itself while the caller waits in
 * silence. They run on the caller's FastAGI thread over JDBC: that thread blocks on the answer anyway, and
 * handing the statement to a Vert.x event loop and the answer back cost two thread wake-ups per call
 * (AgiBench with 500 sessions open: 0.24 ms at p50, up to 1.8 ms at p99, a third of the decision's time).
 * Never call them from an event loop.
 */
@ApplicationScoped
public class RouteLedger {

    private final AgroalDataSource dataSource;

    public RouteLedger(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A routed call's contact: whether the caller called before, the priority and risk reason it was opened
     * with, and their own counsellor if free now.
     */
    public record Routed(long id, boolean repeatCaller, int priority, Optional<RiskReason> riskReason,
                         Optional<String> freeOwnCounsellor, Optional<String> freeOwnExtension) {
    }

    private static final NumberedSql ROUTE = NumberedSql.of("""
            WITH risk AS (
                SELECT max(r.assigned_counsellor) AS counsellor
                FROM risk_routing_flag(CAST($2 AS varchar)) r
            ), prior AS (
                SELECT count(*) AS n,
                       (array_agg(counsellor_username ORDER BY offered_at DESC)
                           FILTER (WHERE counsellor_username IS NOT NULL AND offered_at >= $1))[1] AS own
                FROM hotline_contact
                WHERE caller_key = CAST($2 AS varchar) AND call_uniqueid <> $3
            ), own AS (
                SELECT p.username, p.extension FROM hotline_presence p
                WHERE p.username = coalesce((SELECT counsellor FROM risk), (SELECT own FROM prior))
                  AND p.state = 'AVAILABLE' AND p.in_call_contact_id IS NULL
            ), ins AS (
                INSERT INTO hotline_contact (call_uniqueid, linked_id, line_id, division_code, source,
                    caller_key, caller_number_sealed, redirecting_number_sealed, repeat_caller,
                    preferred_username, priority, risk_reason, tier1_queue, tier2_queue, offered_at)
                SELECT $3, $5, $6, $7, $8, CAST($2 AS varchar),
                    CAST($9 AS text), CAST($10 AS text), (SELECT n > 0 FROM prior),
                    CASE WHEN raised THEN (SELECT username FROM own) END,
                    CASE WHEN raised THEN $4 ELSE 0 END,
                    CASE WHEN raised THEN CAST($11 AS varchar) END,
                    $12, $13, $14
                FROM (SELECT counsellor IS NOT NULL AS raised FROM risk) AS at_risk
                ON CONFLICT (call_uniqueid) DO UPDATE
                    SET linked_id = coalesce(hotline_contact.linked_id, EXCLUDED.linked_id)
                RETURNING id, repeat_caller, priority, risk_reason
            )
            SELECT ins.id, ins.repeat_caller, ins.priority, ins.risk_reason, own.username, own.extension
            FROM ins LEFT JOIN own ON true""");

    private static final NumberedSql RAISE = NumberedSql.of("""
            UPDATE hotline_contact SET priority = greatest(priority, $1),
                risk_reason = coalesce(risk_reason, CAST($2 AS varchar)),
                preferred_username = coalesce(preferred_username, CAST($3 AS varchar))
            WHERE id = $4""");

    /**
     * Opens the contact of a call the route script decides, in one statement and one round trip: whether
     * the caller has an open high-risk case (risk's own {@code risk_routing_flag}, which raises the call to
     * {@code raisedPriority}), the caller's earlier contacts, their own counsellor (the open case's, else
     * the one who last answered them since {@code since}) if that counsellor is free, and the insert.
     * {@code c}'s priority and risk reason are not used: the statement decides them. Safe to repeat for
     * the same channel.
     */
    public Routed route(NewContact c, int raisedPriority, Instant since) {
        List<Object> params = Arrays.asList(at(since), c.callerKey(), c.uniqueId(), raisedPriority, c.linkedId(),
                c.lineId(), c.divisionCode(), c.source().name(), c.callerNumberSealed(), c.redirectingNumberSealed(),
                RiskReason.OPEN_CASE.name(), c.tier1Queue(), c.tier2Queue(), at(c.offeredAt()));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = ROUTE.prepare(connection, params);
             ResultSet r = statement.executeQuery()) {
            r.next();
            String risk = r.getString(4);
            return new Routed(r.getLong(1), r.getBoolean(2), r.getInt(3),
                    Optional.ofNullable(risk).map(RiskReason::valueOf),
                    Optional.ofNullable(r.getString(5)), Optional.ofNullable(r.getString(6)));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not open the contact of call " + c.uniqueId(), e);
        }
    }

    /** Raises a call after the caller pressed 1, and records whom to prefer. Returns the rows changed. */
    public int raise(long id, int priority, RiskReason reason, String preferredUsername) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = RAISE.prepare(connection,
                     Arrays.asList(priority, reason.name(), preferredUsername, id))) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not raise contact " + id, e);
        }
    }
}
