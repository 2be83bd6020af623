package io.greenribbon.hotline.contacts;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;


/**
 * The route script's statements, each ONE statement that commits by itself: opening a call's contact (for
 * one call, or for the calls waiting together), and raising it when the caller pressed 1. They run over JDBC
 * on threads that block anyway (the route's contact openers, the caller's FastAGI thread): handing a
 * statement to a Vert.x event loop and the answer back cost two thread wake-ups per call (AgiBench with 500
 * sessions open: 0.24 ms at p50, up to 1.8 ms at p99). Never call them from an event loop.
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

    /**
     * Opens the contacts of calls, one row per call from the arrays, in one statement and one round trip:
     * whether the caller has an open high-risk case (risk's own {@code risk_routing_flag}, which raises the
     * call to $13), the caller's earlier contacts, their own counsellor (the open case's, else the one who
     * last answered them since the row's {@code since}) if that counsellor is free, and the insert. Rows do
     * not see each other's contacts, as concurrent statements would not.
     */
    private static final NumberedSql ROUTE = NumberedSql.of("""
            WITH input AS (
                SELECT * FROM unnest(CAST($1 AS text[]), CAST($2 AS text[]), CAST($3 AS text[]), CAST($4 AS text[]),
                    CAST($5 AS text[]), CAST($6 AS text[]), CAST($7 AS text[]), CAST($8 AS text[]), CAST($9 AS text[]),
                    CAST($10 AS text[]), CAST($11 AS timestamptz[]), CAST($12 AS timestamptz[]))
                AS i(call_uniqueid, linked_id, line_id, division_code, source, caller_key, caller_number_sealed,
                     redirecting_number_sealed, tier1_queue, tier2_queue, offered_at, since)
            ), decided AS (
                SELECT i.*,
                    (SELECT max(r.assigned_counsellor) FROM risk_routing_flag(CAST(i.caller_key AS varchar)) r) AS at_risk_of,
                    prior.n, prior.own
                FROM input i CROSS JOIN LATERAL (
                    SELECT count(*) AS n,
                           (array_agg(c.counsellor_username ORDER BY c.offered_at DESC)
                               FILTER (WHERE c.counsellor_username IS NOT NULL AND c.offered_at >= i.since))[1] AS own
                    FROM hotline_contact c
                    WHERE c.caller_key = i.caller_key AND c.call_uniqueid <> i.call_uniqueid) AS prior
            ), own AS (
                SELECT d.call_uniqueid, p.username, p.extension FROM decided d
                JOIN hotline_presence p ON p.username = coalesce(d.at_risk_of, d.own)
                 AND p.state = 'AVAILABLE' AND p.in_call_contact_id IS NULL
            ), ins AS (
                INSERT INTO hotline_contact (call_uniqueid, linked_id, line_id, division_code, source,
                    caller_key, caller_number_sealed, redirecting_number_sealed, repeat_caller,
                    preferred_username, priority, risk_reason, tier1_queue, tier2_queue, offered_at)
                SELECT d.call_uniqueid, d.linked_id, d.line_id, d.division_code, d.source, d.caller_key,
                    d.caller_number_sealed, d.redirecting_number_sealed, d.n > 0,
                    CASE WHEN d.at_risk_of IS NOT NULL THEN o.username END,
                    CASE WHEN d.at_risk_of IS NOT NULL THEN CAST($13 AS integer) ELSE 0 END,
                    CASE WHEN d.at_risk_of IS NOT NULL THEN CAST($14 AS varchar) END,
                    d.tier1_queue, d.tier2_queue, d.offered_at
                FROM decided d LEFT JOIN own o ON o.call_uniqueid = d.call_uniqueid
                ON CONFLICT (call_uniqueid) DO UPDATE
                    SET linked_id = coalesce(hotline_contact.linked_id, EXCLUDED.linked_id)
                RETURNING id, call_uniqueid, repeat_caller, priority, risk_reason
            )
            SELECT ins.call_uniqueid, ins.id, ins.repeat_caller, ins.priority, ins.risk_reason, o.username, o.extension
            FROM ins LEFT JOIN own o ON o.call_uniqueid = ins.call_uniqueid""");

    private static final NumberedSql RAISE = NumberedSql.of("""
            UPDATE hotline_contact SET priority = greatest(priority, $1),
                risk_reason = coalesce(risk_reason, CAST($2 AS varchar)),
                preferred_username = coalesce(preferred_username, CAST($3 AS varchar))
            WHERE id = $4""");

    /**
     * Opens the contacts of calls the route script decides, and decides each ({@link #ROUTE}), in one statement
     * and one commit, in the order given. {@code contacts}' priorities and risk reasons are not used: the
     * statement decides them. Safe to repeat for a channel, but the calls of one statement must be of distinct
     * channels (a statement cannot insert and update the same row); if the statement fails, none is opened.
     */
    public List<Routed> routeAll(List<NewContact> contacts, int raisedPriority, List<Instant> since) {
        int n = contacts.size();
        String[][] columns = new String[12][n];
        for (int i = 0; i < n; i++) {
            NewContact c = contacts.get(i);
            String[] row = {c.uniqueId(), c.linkedId(), c.lineId(), c.divisionCode(), c.source().name(), c.callerKey(),
                    c.callerNumberSealed(), c.redirectingNumberSealed(), c.tier1Queue(), c.tier2Queue(),
                    c.offeredAt().toString(), since.get(i).toString()};
            for (int col = 0; col < row.length; col++) {
                columns[col][i] = row[col];
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            List<Object> params = new ArrayList<>();
            for (String[] column : columns) {
                params.add(connection.createArrayOf("text", column));
            }
            params.add(raisedPriority);
            params.add(RiskReason.OPEN_CASE.name());
            Map<String, Routed> routed = new HashMap<>();
            try (PreparedStatement statement = ROUTE.prepare(connection, params);
                 ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    String risk = r.getString(5);
                    routed.put(r.getString(1), new Routed(r.getLong(2), r.getBoolean(3), r.getInt(4),
                            Optional.ofNullable(risk).map(RiskReason::valueOf),
                            Optional.ofNullable(r.getString(6)), Optional.ofNullable(r.getString(7))));
                }
            }
            return contacts.stream().map(c -> Optional.ofNullable(routed.get(c.uniqueId())).orElseThrow(() ->
                    new IllegalStateException("No contact came back for call " + c.uniqueId()))).toList();
        } catch (SQLException e) {
            throw new IllegalStateException(n == 1 ? "Could not open the contact of call " + contacts.get(0).uniqueId()
                    : "Could not open the contacts of " + n + " calls together", e);
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
