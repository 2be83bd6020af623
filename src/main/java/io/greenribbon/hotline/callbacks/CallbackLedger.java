package io.greenribbon.hotline.callbacks;

import io.greenribbon.hotline.Sql;
import io.greenribbon.telephony.PbxEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.greenribbon.hotline.Sql.at;

/**
 * The statements behind callbacks. The attempt row is keyed by the Originate's id and may be created by
 * either the service placing the call or the PBX event reporting on it, whichever comes first; the other
 * completes it. All need the caller's transaction.
 */
@ApplicationScoped
public class CallbackLedger {

    /** The attempt an event concerned: its callback (null when not a callback's) and its outcome now. */
    public record Settled(Long callbackId, String outcome) {
    }

    /** Opens a callback for a closed contact that needs one (unanswered, or asked for); no-op otherwise. */
    public Uni<Integer> openFor(long contactId) {
        return Sql.update("""
                INSERT INTO hotline_callback (contact_id, division_code, reason)
                SELECT id, division_code, CASE WHEN callback_requested THEN 'REQUESTED'
                                               WHEN outcome = 'UNANSWERED' THEN 'UNANSWERED' ELSE 'ABANDONED' END
                FROM hotline_contact
                WHERE id = :id AND caller_key IS NOT NULL
                  AND (callback_requested OR (status = 'CLOSED' AND outcome IN ('ABANDONED', 'UNANSWERED')))
                ON CONFLICT (contact_id) DO NOTHING""", "id", contactId);
    }

    /** The service placed the call; returns the attempt's outcome (already final if the PBX was quicker). */
    public Uni<String> placed(String originateId, long callbackId, String username) {
        return Sql.column("""
                        INSERT INTO hotline_callback_attempt (originate_id, callback_id, counsellor_username)
                        VALUES (:oid, :cb, :user)
                        ON CONFLICT (originate_id) DO UPDATE
                            SET callback_id = EXCLUDED.callback_id, counsellor_username = EXCLUDED.counsellor_username
                        RETURNING outcome""", String.class, "oid", originateId, "cb", callbackId, "user", username)
                .map(rows -> rows.get(0));
    }

    /** The Originate's result: the counsellor's phone answered, or the call failed. */
    public Uni<Settled> originateResult(String originateId, Optional<PbxEvent.OriginateFailure> failure, Instant at) {
        boolean success = failure.isEmpty();
        String outcome = failure.map(f -> f.unanswered() ? "PHONE_UNANSWERED" : "FAILED").orElse("PENDING");
        return settledRow(Sql.rows("""
                        INSERT INTO hotline_callback_attempt AS a (originate_id, phone_answered_at, ended_at, outcome)
                        VALUES (:oid, :answered, :ended, :outcome)
                        ON CONFLICT (originate_id) DO UPDATE SET
                            phone_answered_at = coalesce(a.phone_answered_at, EXCLUDED.phone_answered_at),
                            ended_at = coalesce(a.ended_at, EXCLUDED.ended_at),
                            outcome = CASE WHEN a.outcome = 'PENDING' THEN EXCLUDED.outcome ELSE a.outcome END
                        RETURNING callback_id, outcome""",
                "oid", originateId, "answered", success ? at(at) : null, "ended", success ? null : at(at),
                "outcome", outcome));
    }

    /** The counsellor's phone dialled the caller: answered or not. */
    public Uni<Settled> calleeResult(String originateId, boolean answered, Instant at) {
        return settledRow(Sql.rows("""
                        UPDATE hotline_callback_attempt SET
                            outcome = CASE WHEN :answered THEN 'CALLEE_ANSWERED' ELSE 'CALLEE_UNANSWERED' END,
                            ended_at = CASE WHEN :answered THEN ended_at ELSE coalesce(ended_at, :at) END
                        WHERE originate_id = :oid AND outcome = 'PENDING'
                        RETURNING callback_id, outcome""", "answered", answered, "at", at(at), "oid", originateId));
    }

    /** The counsellor's leg is gone; an attempt still pending ends unanswered. */
    public Uni<Settled> legEnded(String originateId, Instant at) {
        return settledRow(Sql.rows("""
                        UPDATE hotline_callback_attempt SET ended_at = coalesce(ended_at, :at),
                            outcome = CASE WHEN outcome <> 'PENDING' THEN outcome
                                           WHEN phone_answered_at IS NULL THEN 'PHONE_UNANSWERED'
                                           ELSE 'CALLEE_UNANSWERED' END
                        WHERE originate_id = :oid
                        RETURNING callback_id, outcome""", "at", at(at), "oid", originateId));
    }

    /** Carries an attempt's outcome to its callback: reached, or open again for the next try. */
    public Uni<Integer> settle(long callbackId, String outcome, Instant at) {
        if ("PENDING".equals(outcome)) {
            return Uni.createFrom().item(0);
        }
        return Sql.update("""
                        UPDATE hotline_callback SET last_outcome = :outcome,
                            status = CASE WHEN status = 'REACHED' OR :outcome = 'CALLEE_ANSWERED' THEN 'REACHED'
                                          ELSE 'OPEN' END,
                            reached_at = CASE WHEN :outcome = 'CALLEE_ANSWERED' THEN coalesce(reached_at, :at)
                                              ELSE reached_at END
                        WHERE id = :cb""", "outcome", outcome, "at", at(at), "cb", callbackId);
    }

    /** Removes results of Originates that were not callbacks (another capability's calls). */
    public Uni<Integer> forgetForeign(Instant before) {
        return Sql.update("DELETE FROM hotline_callback_attempt WHERE callback_id IS NULL AND started_at < :before",
                "before", at(before));
    }

    private static Uni<Settled> settledRow(Uni<List<Object[]>> rows) {
        return rows.map(list -> list.stream().findFirst()
                .map(r -> new Settled(r[0] == null ? null : Sql.number(r[0]), (String) r[1]))
                .orElse(new Settled(null, null)));
    }

}
