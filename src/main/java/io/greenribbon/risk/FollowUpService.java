package io.greenribbon.risk;

import io.greenribbon.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Follow-ups of a case: scheduled (the first one automatically, 24 to 48 hours after a high-risk contact),
 * tried up to their number of attempts, completed with an outcome or counted as lost. An overdue one alerts
 * the supervisors (the deadline sweep); a lost one or a person found in crisis alerts them at once.
 */
@ApplicationScoped
public class FollowUpService {

    private final RiskGate gate;
    private final CaseDetails details;
    private final FollowUpRepository followUps;
    private final FollowUpAttemptRepository attempts;
    private final DeadlineRepository deadlines;
    private final RiskAlerts alerts;
    private final RiskSeal seal;
    private final RiskConfig config;

    public FollowUpService(RiskGate gate, CaseDetails details, FollowUpRepository followUps,
                           FollowUpAttemptRepository attempts, DeadlineRepository deadlines, RiskAlerts alerts, RiskSeal seal, RiskConfig config) {
        this.gate = gate;
        this.details = details;
        this.followUps = followUps;
        this.attempts = attempts;
        this.deadlines = deadlines;
        this.alerts = alerts;
        this.seal = seal;
        this.config = config;
    }

    public Uni<List<CaseViews.FollowUpView>> list(long caseId) {
        return gate.onCase(caseId, RiskAction.READ_FOLLOW_UPS, (tx, c) -> details.followUps(c.id));
    }

    public Uni<CaseViews.FollowUpView> schedule(long caseId, FollowUpRequests.Schedule request) {
        return gate.onCase(caseId, RiskAction.WRITE_FOLLOW_UPS, (tx, c) -> {
            CaseService.requireOpen(c);
            FollowUp f = new FollowUp();
            f.caseId = c.id;
            f.windowOpensAt = request.windowOpensAt() != null ? request.windowOpensAt() : tx.now();
            f.dueAt = request.dueAt();
            if (!f.dueAt.isAfter(tx.now())) {
                throw ProblemException.invalid("dueAt", "must be in the future");
            }
            if (f.windowOpensAt.isAfter(f.dueAt)) {
                throw ProblemException.invalid("windowOpensAt", "must not be after dueAt");
            }
            f.maxAttempts = request.maxAttempts() != null ? request.maxAttempts() : config.followUpAttempts();
            f.createdBy = tx.actorName();
            f.createdAt = tx.now();
            return followUps.persist(f)
                    .chain(saved -> deadlines.persist(RiskDeadline.of(c.id, RiskDeadline.Kind.FOLLOW_UP, 0, saved.id, saved.dueAt)))
                    .chain(() -> alerts.event(tx, c, RiskCaseEvent.Kind.FOLLOW_UP_SCHEDULED, "followUp=" + f.id + ";due=" + f.dueAt))
                    .invoke(() -> tx.describe("followUp=" + f.id))
                    .map(v -> view(f));
        });
    }

    public Uni<CaseViews.FollowUpView> attempt(long caseId, long followUpId, FollowUpRequests.Attempt request) {
        boolean reached = request.result() == FollowUpAttempt.Result.REACHED;
        if (reached != (request.outcome() != null)) {
            throw ProblemException.invalid("outcome", reached ? "say how the person was" : "only when the person was reached");
        }
        return gate.onCase(caseId, RiskAction.WRITE_FOLLOW_UPS, (tx, c) -> followUps.findById(followUpId).chain(f -> {
            if (f == null || !f.caseId.equals(c.id)) {
                throw ProblemException.notFound("risk.follow-up.not-found", followUpId);
            }
            CaseRules.require(CaseRules.attempt(f.status, f.id));
            FollowUpAttempt a = new FollowUpAttempt();
            a.followUpId = f.id;
            a.caseId = c.id;
            a.at = tx.now();
            a.madeBy = tx.actorName();
            a.result = request.result();
            a.outcome = request.outcome();
            f.attempts++;
            return attempts.persist(a).chain(saved -> {
                saved.noteSealed = seal.seal(request.note(), "risk_follow_up_attempt.note_sealed", saved.id);
                tx.describe("followUp=" + f.id + ";attempt=" + f.attempts + ";result=" + a.result);
                return alerts.event(tx, c, RiskCaseEvent.Kind.FOLLOW_UP_ATTEMPT,
                        "followUp=" + f.id + ";attempt=" + f.attempts + ";result=" + a.result);
            }).chain(() -> settle(tx, c, f, a)).map(v -> view(f));
        }));
    }

    private Uni<Void> settle(RiskTx tx, RiskCase c, FollowUp f, FollowUpAttempt a) {
        if (a.result == FollowUpAttempt.Result.REACHED || a.result == FollowUpAttempt.Result.DECLINED) {
            f.status = FollowUp.Status.COMPLETED;
            f.completedAt = tx.now();
            f.outcome = a.result == FollowUpAttempt.Result.DECLINED ? FollowUp.Outcome.DECLINED
                    : FollowUp.Outcome.valueOf(a.outcome.name());
            Uni<Void> done = alerts.event(tx, c, RiskCaseEvent.Kind.FOLLOW_UP_COMPLETED, "followUp=" + f.id + ";outcome=" + f.outcome);
            return f.outcome == FollowUp.Outcome.IN_CRISIS ? done.chain(() -> alertSupervisors(tx, c, "FOLLOW_UP_IN_CRISIS")) : done;
        }
        if (f.attempts >= f.maxAttempts) {
            f.status = FollowUp.Status.LOST;
            f.completedAt = tx.now();
            return alerts.event(tx, c, RiskCaseEvent.Kind.FOLLOW_UP_LOST, "followUp=" + f.id + ";attempts=" + f.attempts)
                    .chain(() -> alertSupervisors(tx, c, "FOLLOW_UP_LOST"));
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> alertSupervisors(RiskTx tx, RiskCase c, String reason) {
        return alerts.alertOnDuty(tx, c, reason, c.assignedCounsellor);
    }

    private static CaseViews.FollowUpView view(FollowUp f) {
        return new CaseViews.FollowUpView(f.id, f.windowOpensAt, f.dueAt, f.status, f.attempts, f.maxAttempts, f.outcome,
                f.completedAt, List.of());
    }
}
