package io.greenribbon.risk;

import io.greenribbon.audit.AuditEntry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.LockMode;

import java.util.Comparator;
import java.util.List;

/**
 * Fires due deadlines. Every replica sweeps; each sweep claims due deadlines with {@code FOR UPDATE SKIP
 * LOCKED} and marks them fired in the transaction that acts on them, so a deadline fires once however many
 * replicas run, and one a crashed replica had claimed is fired by the next sweep. Time is the service's
 * {@link java.time.Clock}: deadlines live in the database and survive restarts.
 */
@ApplicationScoped
public class DeadlineSweeper {

    private final RiskGate gate;
    private final DeadlineRepository deadlines;
    private final Escalation escalation;
    private final ReferralService referrals;
    private final FollowUpRepository followUps;
    private final RiskAlerts alerts;
    private final RiskConfig config;

    public DeadlineSweeper(RiskGate gate, DeadlineRepository deadlines, Escalation escalation, ReferralService referrals,
                           FollowUpRepository followUps, RiskAlerts alerts, RiskConfig config) {
        this.gate = gate;
        this.deadlines = deadlines;
        this.escalation = escalation;
        this.referrals = referrals;
        this.followUps = followUps;
        this.alerts = alerts;
        this.config = config;
    }

    @Scheduled(every = "${greenribbon.risk.sweep-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return sweep().replaceWithVoid();
    }

    /** One sweep: fires what is due now (at most one batch); returns how many deadlines it handled. */
    public Uni<Integer> sweep() {
        return sweep(config.sweepBatch());
    }

    /** One sweep of at most {@code limit} deadlines. */
    public Uni<Integer> sweep(int limit) {
        return gate.asSystem("escalation", tx -> deadlines.claimDue(tx.now(), limit).chain(due -> {
            // Cases are locked in id order, so two sweeps never wait on each other in a circle.
            List<RiskDeadline> ordered = due.stream().sorted(Comparator.comparing((RiskDeadline d) -> d.caseId)
                    .thenComparing(d -> d.id)).toList();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (RiskDeadline d : ordered) {
                chain = chain.chain(() -> fire(tx, d));
            }
            return chain.replaceWith(ordered.size());
        }));
    }

    private Uni<Void> fire(RiskTx tx, RiskDeadline d) {
        d.firedAt = tx.now();
        return tx.session().find(RiskCase.class, d.caseId, LockMode.PESSIMISTIC_WRITE).chain(c -> {
            if (c == null || !c.open()) {
                return Uni.createFrom().voidItem();
            }
            Uni<Boolean> acted = switch (d.kind) {
                case ACKNOWLEDGE -> unacknowledged(tx, c, d);
                case REFERRAL_OUTCOME -> referrals.stillUnconfirmed(tx, c, d);
                case FOLLOW_UP -> overdue(tx, c, d);
            };
            return acted.invoke(did -> {
                if (did) {
                    tx.audit(AuditEntry.system(tx.now(), "escalation", "risk.deadline." + d.kind.name().toLowerCase(),
                            "risk_case", c.id, c.division, "ESCALATION", "step=" + d.step));
                }
            }).replaceWithVoid();
        });
    }

    private Uni<Boolean> unacknowledged(RiskTx tx, RiskCase c, RiskDeadline d) {
        if (c.acknowledgedAt != null || !c.level.atLeast(RiskLevel.HIGH)) {
            return Uni.createFrom().item(false);
        }
        return escalation.escalate(tx, c, false).chain(() -> escalation.acknowledgeDeadline(tx, c, d.step + 1))
                .replaceWith(true);
    }

    private Uni<Boolean> overdue(RiskTx tx, RiskCase c, RiskDeadline d) {
        return followUps.findById(d.refId).chain(f -> {
            if (f == null || f.status != FollowUp.Status.OPEN) {
                return Uni.createFrom().item(false);
            }
            return alerts.event(tx, c, RiskCaseEvent.Kind.FOLLOW_UP_OVERDUE, "followUp=" + f.id + ";attempts=" + f.attempts)
                    .chain(() -> alerts.alertOnDuty(tx, c, "FOLLOW_UP_OVERDUE", c.supervisor, c.assignedCounsellor))
                    .replaceWith(true);
        });
    }
}
