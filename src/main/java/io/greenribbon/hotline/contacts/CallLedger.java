package io.greenribbon.hotline.contacts;

import io.greenribbon.hotline.Sql;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.greenribbon.hotline.Sql.at;

/**
 * The statements that write a call's life into its contact. Each one is safe to repeat: a replayed PBX
 * event, a second AGI request for the same channel, or a reconciliation after a restart changes nothing
 * that is already recorded. All need the caller's transaction; the route script's own two are
 * {@link RouteLedger}'s.
 */
@ApplicationScoped
public class CallLedger {

    /** A contact opened (or found, when the channel already had one). */
    public record Opened(long id, boolean created) {
    }

    /** The contact of a channel, as the event handlers need it. */
    public record CallRef(long id, String lineId, String tier1Queue, String preferredUsername,
                          String counsellorUsername, boolean answered, boolean closed) {
    }

    public Uni<Opened> open(NewContact c) {
        return Sql.rows("""
                        INSERT INTO hotline_contact (call_uniqueid, linked_id, line_id, division_code, source,
                            caller_key, caller_number_sealed, redirecting_number_sealed, repeat_caller,
                            preferred_username, priority, risk_reason, tier1_queue, tier2_queue, offered_at)
                        VALUES (:uid, :linked, :line, :division, :source, :key, :number, :redirecting, :repeat,
                            :preferred, :priority, :risk, :tier1, :tier2, :offered)
                        ON CONFLICT (call_uniqueid) DO UPDATE
                            SET linked_id = coalesce(hotline_contact.linked_id, EXCLUDED.linked_id)
                        RETURNING id, (xmax = 0)""",
                        "uid", c.uniqueId(), "linked", c.linkedId(), "line", c.lineId(), "division", c.divisionCode(),
                        "source", c.source().name(), "key", c.callerKey(), "number", c.callerNumberSealed(),
                        "redirecting", c.redirectingNumberSealed(), "repeat", c.repeatCaller(),
                        "preferred", c.preferredUsername(), "priority", c.priority(),
                        "risk", c.riskReason() == null ? null : c.riskReason().name(), "tier1", c.tier1Queue(),
                        "tier2", c.tier2Queue(), "offered", at(c.offeredAt()))
                .map(rows -> new Opened(Sql.number(rows.get(0)[0]), Boolean.TRUE.equals(rows.get(0)[1])));
    }

    public Uni<Optional<CallRef>> find(String uniqueId) {
        return Sql.rows("""
                        SELECT id, line_id, tier1_queue, preferred_username, counsellor_username,
                               answered_at IS NOT NULL, status = 'CLOSED'
                        FROM hotline_contact WHERE call_uniqueid = :uid""", "uid", uniqueId)
                .map(rows -> rows.stream().findFirst().map(r -> new CallRef(Sql.number(r[0]), (String) r[1],
                        (String) r[2], (String) r[3], (String) r[4], Boolean.TRUE.equals(r[5]),
                        Boolean.TRUE.equals(r[6]))));
    }

    /**
     * Adds an event to the call's timeline; true when it is new (false for a replay, or when the channel
     * has no contact).
     */
    public Uni<Boolean> timeline(String uniqueId, String kind, Instant at, String queue, String member, String detail) {
        String key = uniqueId + "|" + kind + "|" + at.getEpochSecond() + "." + at.getNano() + "|"
                + (member == null ? "" : member);
        return Sql.update("""
                        INSERT INTO hotline_contact_event (contact_id, event_key, kind, occurred_at, queue, member, detail)
                        SELECT id, :key, :kind, :at, :queue, :member, :detail FROM hotline_contact
                        WHERE call_uniqueid = :uid
                        ON CONFLICT (event_key) DO NOTHING""",
                "key", key, "kind", kind, "at", at(at), "queue", queue, "member", member, "detail", detail,
                "uid", uniqueId).map(n -> n > 0);
    }

    /** Whether the call's timeline has an event of this kind. */
    public Uni<Boolean> hasEvent(String uniqueId, String kind) {
        return Sql.column("""
                        SELECT count(*) FROM hotline_contact_event e JOIN hotline_contact c ON c.id = e.contact_id
                        WHERE c.call_uniqueid = :uid AND e.kind = :kind""", Long.class, "uid", uniqueId, "kind", kind)
                .map(rows -> rows.get(0) > 0);
    }

    /**
     * The call was put through: it joined a queue, its caller's own counsellor's phone rang, or the backup
     * line was dialled. The first time counts (the wait runs from it).
     */
    public Uni<Integer> queued(String uniqueId, Instant at) {
        return Sql.update("UPDATE hotline_contact SET queued_at = coalesce(queued_at, :at) WHERE call_uniqueid = :uid",
                "at", at(at), "uid", uniqueId);
    }

    public Uni<Integer> missed(String uniqueId) {
        return Sql.update("UPDATE hotline_contact SET missed_count = missed_count + 1 WHERE call_uniqueid = :uid",
                "uid", uniqueId);
    }

    /** A counsellor (or the backup line) answered. The first answer counts; later ones change nothing. */
    public Uni<Integer> answered(String uniqueId, Instant at, AnsweredVia via, String queue, Duration ringTime,
                                 String counsellor, String counsellorDivision) {
        return Sql.update("""
                        UPDATE hotline_contact SET answered_at = :at, answered_via = :via, answered_queue = :queue,
                            ring_ms = :ring, counsellor_username = :counsellor, counsellor_division = :cdivision,
                            queue_wait_ms = CASE WHEN queued_at IS NULL THEN NULL
                                ELSE greatest(0, (extract(epoch FROM (:at - queued_at)) * 1000)::int) END,
                            outcome = CASE WHEN :via = 'BACKUP' THEN 'BACKUP' ELSE outcome END
                        WHERE call_uniqueid = :uid AND answered_at IS NULL""",
                "at", at(at), "via", via.name(), "queue", queue, "ring", ringTime == null ? null : (int) ringTime.toMillis(),
                "counsellor", counsellor, "cdivision", counsellorDivision, "uid", uniqueId);
    }

    /**
     * An answer the service did not see as it happened (found by a reconciliation): who answered is known,
     * the exact moment is not, so the wait stays unknown and the call does not count in ASA or service level.
     */
    public Uni<Integer> answeredUnseen(String uniqueId, Instant atLatest, AnsweredVia via, String counsellor,
                                       String counsellorDivision) {
        return Sql.update("""
                        UPDATE hotline_contact SET answered_at = greatest(coalesce(queued_at, offered_at), :at),
                            answered_via = :via, counsellor_username = :counsellor, counsellor_division = :cdivision
                        WHERE call_uniqueid = :uid AND answered_at IS NULL""",
                "at", at(atLatest), "via", via.name(), "counsellor", counsellor, "cdivision", counsellorDivision,
                "uid", uniqueId);
    }

    /** The conversation with the queue member ended (AgentComplete). */
    public Uni<Integer> completed(String uniqueId, Duration talkTime, boolean transferred) {
        return Sql.update("""
                        UPDATE hotline_contact SET talk_ms = coalesce(talk_ms, :talk),
                            outcome = CASE WHEN :transferred THEN 'TRANSFERRED' ELSE coalesce(outcome, 'ANSWERED') END
                        WHERE call_uniqueid = :uid AND answered_at IS NOT NULL""",
                "talk", (int) talkTime.toMillis(), "transferred", transferred, "uid", uniqueId);
    }

    public Uni<Integer> transferred(String uniqueId) {
        return Sql.update("""
                        UPDATE hotline_contact SET outcome = 'TRANSFERRED'
                        WHERE call_uniqueid = :uid AND answered_at IS NOT NULL AND outcome IS DISTINCT FROM 'BACKUP'""",
                "uid", uniqueId);
    }

    /**
     * The caller's channel is gone: the contact closes. An outcome not yet known follows from what
     * happened: answered; or unanswered when even the backup line was dialled and did not answer (the PBX
     * ended the call; a caller who hung up while it rang abandoned); or else abandoned, short when the caller
     * hung up within {@code shortAbandon} of being put through (of reaching the line, if never put through).
     * The wait of an unanswered call runs until now.
     */
    public Uni<Integer> close(String uniqueId, Instant at, boolean estimated, Duration shortAbandon) {
        return Sql.update("""
                        UPDATE hotline_contact c SET status = 'CLOSED', ended_at = :at, end_estimated = :estimated,
                            talk_ms = CASE WHEN answered_at IS NULL THEN NULL
                                ELSE coalesce(talk_ms, greatest(0, (extract(epoch FROM (:at - answered_at)) * 1000)::int)) END,
                            queue_wait_ms = CASE WHEN answered_at IS NULL AND queued_at IS NOT NULL
                                THEN coalesce(queue_wait_ms, greatest(0, (extract(epoch FROM (:at - queued_at)) * 1000)::int))
                                ELSE queue_wait_ms END,
                            outcome = coalesce(outcome, CASE
                                WHEN answered_at IS NOT NULL THEN 'ANSWERED'
                                WHEN EXISTS (SELECT 1 FROM hotline_contact_event e
                                             WHERE e.contact_id = c.id AND e.kind = 'BACKUP_DIAL')
                                     AND NOT EXISTS (SELECT 1 FROM hotline_contact_event e
                                             WHERE e.contact_id = c.id AND e.kind = 'BACKUP_CANCEL') THEN 'UNANSWERED'
                                WHEN :at - coalesce(queued_at, offered_at) < make_interval(secs => :short)
                                    THEN 'SHORT_ABANDON'
                                ELSE 'ABANDONED' END)
                        WHERE call_uniqueid = :uid AND status = 'OPEN'""",
                "at", at(at), "estimated", estimated, "short", (double) shortAbandon.toMillis() / 1000,
                "uid", uniqueId);
    }

    /**
     * The counsellor's wrap-up of a contact is over, after {@code wrapUp} (zero: there was none). The first
     * end counts. Needs the caller's transaction.
     */
    public Uni<Integer> wrapUpEnded(long contactId, Instant at, Duration wrapUp) {
        return Sql.update("""
                        UPDATE hotline_contact SET wrap_up_ms = :ms, wrap_up_ended_at = :at
                        WHERE id = :id AND wrap_up_ms IS NULL""",
                "ms", (int) Math.min(Integer.MAX_VALUE, Math.max(0, wrapUp.toMillis())), "at", at(at), "id", contactId);
    }

    /** Fills in the caller of a contact the service did not route (from a CDR or the channel list). */
    public Uni<Integer> identifyCaller(String uniqueId, String callerKey, String callerNumberSealed) {
        return Sql.update("""
                        UPDATE hotline_contact SET caller_key = :key, caller_number_sealed = :number,
                            repeat_caller = EXISTS (SELECT 1 FROM hotline_contact p
                                                    WHERE p.caller_key = :key AND p.call_uniqueid <> :uid)
                        WHERE call_uniqueid = :uid AND caller_key IS NULL""",
                "key", callerKey, "number", callerNumberSealed, "uid", uniqueId);
    }

    /** A call still open: what a reconciliation checks against the PBX. */
    public record OpenCall(long id, String uniqueId, String lineId, boolean answered, String counsellorUsername) {
    }

    /**
     * The calls of PBX {@code pbxId} still open that began before {@code before}, oldest first. Only that PBX
     * can tell whether they go on: other PBXs' calls are not in its channel list.
     */
    public Uni<List<OpenCall>> openCalls(String pbxId, Instant before, int limit) {
        return Sql.rows("""
                        SELECT id, call_uniqueid, line_id, answered_at IS NOT NULL, counsellor_username
                        FROM hotline_contact WHERE status = 'OPEN' AND pbx_id = :pbx AND offered_at < :before
                        ORDER BY offered_at LIMIT :limit""", "pbx", pbxId, "before", at(before), "limit", limit)
                .map(rows -> rows.stream().map(r -> new OpenCall(Sql.number(r[0]), (String) r[1], (String) r[2],
                        Boolean.TRUE.equals(r[3]), (String) r[4])).toList());
    }
}
