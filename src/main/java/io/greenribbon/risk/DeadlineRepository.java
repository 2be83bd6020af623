package io.greenribbon.risk;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

@ApplicationScoped
class DeadlineRepository implements PanacheRepository<RiskDeadline> {

    /**
     * Claims up to {@code limit} due deadlines for this transaction: rows another replica's sweep holds are
     * skipped, not waited for, so that every deadline is handled by exactly one sweep.
     */
    Uni<List<RiskDeadline>> claimDue(Instant now, int limit) {
        return getSession().chain(session -> session.createNativeQuery("""
                        SELECT * FROM risk_deadline
                         WHERE fired_at IS NULL AND cancelled_at IS NULL AND due_at <= :now
                         ORDER BY due_at, id
                         LIMIT :limit
                           FOR UPDATE SKIP LOCKED""", RiskDeadline.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList());
    }

    Uni<List<RiskDeadline>> pending(long caseId) {
        return list("caseId = ?1 and firedAt is null and cancelledAt is null order by dueAt", caseId);
    }
}
