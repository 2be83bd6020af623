package io.greenribbon.risk;

import io.greenribbon.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.LockMode;

import java.time.Instant;
import java.util.List;

/**
 * Break-the-glass: a counsellor on a live call with the person of a case that is not theirs states a
 * reason and may then open the case's safety plan for a short while. The supervisors on duty are told at
 * once, and every use waits in the division's review queue.
 */
@ApplicationScoped
public class BreakGlassService {

    /** @param reason why the safety plan is needed now (sealed; at least a sentence) */
    public record Request(@NotBlank @Size(min = 10, max = 2000) String reason) {
    }

    public record Grant(long id, long caseId, Instant grantedAt, Instant expiresAt) {
    }

    public record Review(@NotNull BreakGlass.Verdict verdict) {
    }

    /**
     * A use in the review queue (the reason opened for the reviewing supervisor), with whether the reading
     * account may review it now ({@link #reviewRefusal}).
     */
    public record Use(long id, long caseId, String division, String actor, String actorDivision, long contactId,
                      String reason, Instant grantedAt, Instant expiresAt, Instant reviewedAt, String reviewedBy,
                      BreakGlass.Verdict verdict, boolean mayReview) {
    }

    private final RiskGate gate;
    private final BreakGlassRepository uses;
    private final Instance<HotlineContacts> liveCalls;
    private final RiskAlerts alerts;
    private final RiskSeal seal;
    private final RiskConfig config;

    public BreakGlassService(RiskGate gate, BreakGlassRepository uses, Instance<HotlineContacts> liveCalls,
                             RiskAlerts alerts, RiskSeal seal, RiskConfig config) {
        this.gate = gate;
        this.uses = uses;
        this.liveCalls = liveCalls;
        this.alerts = alerts;
        this.seal = seal;
        this.config = config;
    }

    public Uni<Grant> breakGlass(long caseId, Request request) {
        return gate.onCase(caseId, RiskAction.BREAK_THE_GLASS, (tx, c) -> {
            CaseService.requireOpen(c);
            // The gate found the live call; take its contact from the hotline, not from the request.
            return liveCalls.get().currentCall(tx.actorName()).chain(call -> {
                BreakGlass use = new BreakGlass();
                use.caseId = c.id;
                use.division = c.division;
                use.actor = tx.actorName();
                use.actorDivision = tx.actor().division();
                use.contactId = call.orElseThrow(() -> ProblemException.conflict("risk.break-glass.no-live-call")).contactId();
                use.reasonSealed = "-";
                use.grantedAt = tx.now();
                use.expiresAt = tx.now().plus(config.breakGlassFor());
                return uses.persist(use).chain(saved -> {
                    saved.reasonSealed = seal.seal(request.reason(), "risk_break_glass.reason_sealed", saved.id);
                    tx.describe("breakGlass=" + saved.id + ";until=" + saved.expiresAt);
                    // The counsellor does not see the case itself: its timeline and alert are written as the service.
                    return tx.system("break-glass", () -> alerts.event(tx, c, RiskCaseEvent.Kind.BREAK_GLASS,
                                    "by=" + saved.actor + ";until=" + saved.expiresAt)
                            .chain(() -> alerts.alertOnDuty(tx, c, "BREAK_GLASS", c.supervisor)))
                            .map(v -> new Grant(saved.id, c.id, saved.grantedAt, saved.expiresAt));
                });
            });
        });
    }

    public Uni<List<Use>> queue(Boolean reviewed, Integer limit) {
        int max = Pages.size(limit);
        return gate.inOwnScope(RiskAction.LIST_BREAK_GLASS, tx -> (reviewed != null && reviewed
                ? uses.find("division like ?1 and reviewedAt is not null order by grantedAt desc",
                        tx.actor().division() + "%").page(0, max).list()
                : uses.unreviewed(tx.actor().division(), max))
                .map(list -> {
                    tx.describe("count=" + list.size());
                    return list.stream().map(b -> use(b, tx.actorName())).toList();
                }));
    }

    public Uni<Use> review(long id, Review review) {
        return gate.onRecord(RiskAction.REVIEW_BREAK_GLASS, tx -> tx.session().find(BreakGlass.class, id, LockMode.PESSIMISTIC_WRITE)
                        .map(b -> b == null ? new RiskGate.Target<>(null, RecordFacts.missing("risk_break_glass", id))
                                : new RiskGate.Target<>(b, new RecordFacts("risk_break_glass", b.id, b.division, null, null,
                                b.caseId, null))),
                (tx, b) -> {
                    CaseRules.require(reviewRefusal(b, tx.actorName()));
                    b.reviewedAt = tx.now();
                    b.reviewedBy = tx.actorName();
                    b.verdict = review.verdict();
                    tx.describe("verdict=" + b.verdict);
                    return tx.session().find(RiskCase.class, b.caseId)
                            .chain(c -> alerts.event(tx, c, RiskCaseEvent.Kind.BREAK_GLASS_REVIEWED,
                                    "breakGlass=" + b.id + ";verdict=" + b.verdict))
                            .map(v -> use(b, tx.actorName()));
                });
    }

    /** Why {@code reviewer} may not review the use (null when they may): reviewed already, or their own. */
    static ProblemException reviewRefusal(BreakGlass b, String reviewer) {
        if (b.reviewedAt != null) {
            return ProblemException.conflict("risk.break-glass.reviewed", b.id).with("reviewedBy", b.reviewedBy);
        }
        return b.actor.equals(reviewer) ? ProblemException.forbidden("risk.forbidden.own-break-glass") : null;
    }

    private Use use(BreakGlass b, String reader) {
        return new Use(b.id, b.caseId, b.division, b.actor, b.actorDivision, b.contactId,
                seal.open(b.reasonSealed, "risk_break_glass.reason_sealed", b.id), b.grantedAt, b.expiresAt,
                b.reviewedAt, b.reviewedBy, b.verdict, reviewRefusal(b, reader) == null);
    }
}
