package io.greenribbon.hotline.callbacks;

import io.greenribbon.hotline.Sql;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class CallbackRepository implements PanacheRepositoryBase<Callback, Long> {

    /** A callback with what dialling it needs, locked. */
    public record Dialable(long id, long contactId, String divisionCode, CallbackStatus status,
                           OffsetDateTime lastAttemptAt, String callerNumberSealed, String lineId,
                           String counsellorUsername) {
    }

    public Uni<List<CallbackView>> views(String divisionPrefix, String username, boolean all) {
        return Sql.rows("""
                        SELECT cb.id, cb.contact_id, ct.line_id, cb.division_code, cb.reason, cb.status, cb.attempts,
                               cb.last_attempt_at, cb.last_outcome, cb.created_at, ct.offered_at, ct.repeat_caller
                        FROM hotline_callback cb JOIN hotline_contact ct ON ct.id = cb.contact_id
                        WHERE (:all OR cb.status <> 'REACHED')
                          AND (cb.division_code LIKE :prefix OR ct.counsellor_username = :me)
                        ORDER BY cb.created_at LIMIT 500""",
                        "all", all, "prefix", divisionPrefix + "%", "me", username)
                .map(rows -> rows.stream().map(r -> new CallbackView(Sql.number(r[0]), Sql.number(r[1]), (String) r[2],
                        (String) r[3], CallbackReason.valueOf((String) r[4]), CallbackStatus.valueOf((String) r[5]),
                        (int) Sql.number(r[6]), Sql.at(Sql.instant(r[7])), (String) r[8], Sql.at(Sql.instant(r[9])),
                        Sql.at(Sql.instant(r[10])), Boolean.TRUE.equals(r[11]))).toList());
    }

    /** The tries to call back the callbacks {@code ids}, oldest first. */
    public Uni<List<CallbackAttempt>> attemptsOf(List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Sql.rows("""
                        SELECT callback_id, counsellor_username, started_at, phone_answered_at, ended_at, outcome
                        FROM hotline_callback_attempt WHERE callback_id IN (:ids) ORDER BY started_at""", "ids", ids)
                .map(rows -> rows.stream().map(r -> new CallbackAttempt(Sql.number(r[0]), (String) r[1],
                        Sql.at(Sql.instant(r[2])), Sql.at(Sql.instant(r[3])), Sql.at(Sql.instant(r[4])),
                        (String) r[5])).toList());
    }

    public Uni<Optional<Dialable>> lockForDial(long id) {
        return Sql.rows("""
                        SELECT cb.id, cb.contact_id, cb.division_code, cb.status, cb.last_attempt_at,
                               ct.caller_number_sealed, ct.line_id, ct.counsellor_username
                        FROM hotline_callback cb JOIN hotline_contact ct ON ct.id = cb.contact_id
                        WHERE cb.id = :id FOR UPDATE OF cb""", "id", id)
                .map(rows -> rows.stream().findFirst().map(r -> new Dialable(Sql.number(r[0]), Sql.number(r[1]),
                        (String) r[2], CallbackStatus.valueOf((String) r[3]), Sql.at(Sql.instant(r[4])), (String) r[5],
                        (String) r[6], (String) r[7])));
    }

    public Uni<Integer> markDialling(long id, Instant at) {
        return Sql.update("""
                        UPDATE hotline_callback SET status = 'DIALLING', attempts = attempts + 1, last_attempt_at = :at
                        WHERE id = :id""", "at", Sql.at(at), "id", id);
    }
}
