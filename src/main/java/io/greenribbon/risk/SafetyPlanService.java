package io.greenribbon.risk;

import io.greenribbon.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A case's safety plan, sealed at rest as one document. Writing it takes the version the writer read
 * (optimistic: two counsellors editing at once do not overwrite each other silently). A break-the-glass
 * access opens it for reading, and nothing else of the case.
 */
@ApplicationScoped
public class SafetyPlanService {

    private static final String COLUMN = "risk_safety_plan.plan_sealed";

    private final RiskGate gate;
    private final RiskAlerts alerts;
    private final RiskSeal seal;

    public SafetyPlanService(RiskGate gate, RiskAlerts alerts, RiskSeal seal) {
        this.gate = gate;
        this.alerts = alerts;
        this.seal = seal;
    }

    public Uni<SafetyPlanView> get(long caseId) {
        return gate.onCase(caseId, RiskAction.READ_SAFETY_PLAN, (tx, c) -> tx.session().find(SafetyPlan.class, c.id)
                .map(plan -> {
                    if (plan == null) {
                        throw ProblemException.notFound("risk.safety-plan.none", c.id);
                    }
                    return seal.openJson(plan.planSealed, SafetyPlanView.class, COLUMN, c.id).stamped(plan);
                }));
    }

    public Uni<SafetyPlanView> put(long caseId, SafetyPlanView plan) {
        return gate.onCase(caseId, RiskAction.WRITE_SAFETY_PLAN, (tx, c) -> {
            CaseService.requireOpen(c);
            return tx.session().find(SafetyPlan.class, c.id).chain(existing -> {
                SafetyPlan stored = existing;
                if (stored == null) {
                    if (plan.version() != null && plan.version() != 0) {
                        throw ProblemException.conflict("risk.safety-plan.version", 0).with("currentVersion", 0);
                    }
                    stored = new SafetyPlan();
                    stored.caseId = c.id;
                } else if (plan.version() == null || plan.version() != stored.version) {
                    throw ProblemException.conflict("risk.safety-plan.version", stored.version)
                            .with("currentVersion", stored.version);
                }
                stored.planSealed = seal.sealJson(plan.sections(), COLUMN, c.id);
                stored.updatedAt = tx.now();
                stored.updatedBy = tx.actorName();
                SafetyPlan saved = stored;
                Uni<Void> write = existing == null ? tx.session().persist(saved) : Uni.createFrom().voidItem();
                return write.chain(() -> alerts.event(tx, c, RiskCaseEvent.Kind.SAFETY_PLAN_UPDATED, null))
                        .chain(() -> tx.session().flush())
                        .map(v -> plan.sections().stamped(saved));
            });
        });
    }
}
