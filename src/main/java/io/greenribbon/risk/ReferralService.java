package io.greenribbon.risk;

import io.greenribbon.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.stream.Collectors;

/**
 * Emergency referrals (110 / 119 / 120) and their outcome. Until someone records whether the emergency
 * services reached the person, the case alerts again at every interval and cannot close.
 */
@ApplicationScoped
public class ReferralService {

    private final RiskGate gate;
    private final ReferralRepository referrals;
    private final DeadlineRepository deadlines;
    private final RiskAlerts alerts;
    private final RiskSeal seal;
    private final RiskConfig config;

    public ReferralService(RiskGate gate, ReferralRepository referrals, DeadlineRepository deadlines, RiskAlerts alerts, RiskSeal seal, RiskConfig config) {
        this.gate = gate;
        this.referrals = referrals;
        this.deadlines = deadlines;
        this.alerts = alerts;
        this.seal = seal;
        this.config = config;
    }

    public Uni<CaseViews.ReferralView> refer(long caseId, CaseRequests.Refer request) {
        return gate.onCase(caseId, RiskAction.REFER, (tx, c) -> {
            CaseService.requireOpen(c);
            Referral r = new Referral();
            r.caseId = c.id;
            r.service = request.service();
            r.referredAt = tx.now();
            r.referredBy = tx.actorName();
            r.shared = request.shared().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
            r.reference = request.reference();
            return referrals.persist(r).chain(saved -> {
                saved.sharedNoteSealed = seal.seal(request.note(), "risk_referral.shared_note_sealed", saved.id);
                tx.describe("referral=" + saved.id + ";service=" + saved.service + ";shared=" + saved.shared);
                return deadlines.persist(RiskDeadline.of(c.id, RiskDeadline.Kind.REFERRAL_OUTCOME, 0, saved.id,
                                tx.now().plus(config.referralRealertEvery())))
                        .chain(() -> alerts.event(tx, c, RiskCaseEvent.Kind.EMERGENCY_REFERRAL,
                                "referral=" + saved.id + ";service=" + saved.service + ";shared=" + saved.shared))
                        .chain(() -> alertOnDuty(tx, c, "EMERGENCY_REFERRAL"))
                        .chain(() -> alerts.changed(tx, c))
                        .map(v -> view(saved, request.note()));
            });
        });
    }

    public Uni<CaseViews.ReferralView> confirmOutcome(long caseId, CaseRequests.Outcome request) {
        return gate.onCase(caseId, RiskAction.CONFIRM_OUTCOME, (tx, c) -> referrals.findById(request.referralId())
                .chain(r -> {
                    if (r == null || !r.caseId.equals(c.id)) {
                        throw ProblemException.invalid("referralId", "not a referral of this case");
                    }
                    CaseRules.require(CaseRules.confirmOutcome(r));
                    r.outcome = request.outcome();
                    r.outcomeAt = tx.now();
                    r.outcomeBy = tx.actorName();
                    r.outcomeNoteSealed = seal.seal(request.note(), "risk_referral.outcome_note_sealed", r.id);
                    tx.describe("referral=" + r.id + ";outcome=" + r.outcome);
                    Uni<Void> recorded = alerts.event(tx, c, RiskCaseEvent.Kind.OUTCOME_RECORDED,
                            "referral=" + r.id + ";outcome=" + r.outcome);
                    if (r.outcome == Referral.Outcome.NOT_REACHED) {
                        // The person was not found: everyone on duty must know, and take the next step.
                        recorded = recorded.chain(() -> alertOnDuty(tx, c, "REFERRAL_NOT_REACHED"));
                    }
                    return recorded.chain(() -> alerts.changed(tx, c)).map(v -> view(r, null));
                }));
    }

    /** The re-alert of a referral still without outcome (from the deadline sweep). */
    Uni<Boolean> stillUnconfirmed(RiskTx tx, RiskCase c, RiskDeadline d) {
        return referrals.findById(d.refId).chain(r -> {
            if (r == null || r.outcome != null || !c.open()) {
                return Uni.createFrom().item(false);
            }
            return alerts.event(tx, c, RiskCaseEvent.Kind.REFERRAL_UNCONFIRMED, "referral=" + r.id + ";alert=" + (d.step + 1))
                    .chain(() -> alertOnDuty(tx, c, "REFERRAL_UNCONFIRMED"))
                    .chain(() -> deadlines.persist(RiskDeadline.of(c.id, RiskDeadline.Kind.REFERRAL_OUTCOME, d.step + 1, r.id,
                            tx.now().plus(config.referralRealertEvery()))))
                    .replaceWith(true);
        });
    }

    private Uni<Void> alertOnDuty(RiskTx tx, RiskCase c, String reason) {
        return alerts.alertOnDuty(tx, c, reason, c.assignedCounsellor);
    }

    private CaseViews.ReferralView view(Referral r, String sharedNote) {
        return new CaseViews.ReferralView(r.id, r.service, r.referredAt, r.referredBy,
                java.util.Arrays.asList(r.shared.split(",")), sharedNote, r.reference, r.outcome, r.outcomeAt,
                r.outcomeBy, null);
    }
}
