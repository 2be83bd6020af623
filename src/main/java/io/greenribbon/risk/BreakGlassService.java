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

    /** @param comment why the use was (or was not) justified, in the reviewer's words (optional; sealed) */
    public record Review(@NotNull BreakGlass.Verdict verdict, @Size(max = 2000) String comment) {

        public Review(BreakGlass.Verdict verdict) {
            this(verdict, null);
        }

        /** A review as a console form sends it: the verdict's name and the comment, checked as the API checks them. */
        public static Review of(String verdict, String comment) {
            BreakGlass.Verdict chosen = java.util.Arrays.stream(BreakGlass.Verdict.values())
                    .filter(v -> v.name().equals(verdict)).findFirst()
                    .orElseThrow(() -> ProblemException.invalid("verdict", "JUSTIFIED or UNJUSTIFIED"));
            if (comment != null && comment.length() > 2000) {
                throw ProblemException.invalid("comment", "at most 2000 characters");
            }
            return new Review(chosen, comment);
        }
    }

    /**
     * A use in the register, with whether the reading account may review it now ({@link #reviewRefusal}). A
     * supervisor reads it whole (the reason and the review's comment opened for them, the call it was made
     * on); a health official overseeing the register reads its state only: who, which case, when, and who
     * reviewed it with which verdict. The free text and the call stay with the supervisors: written about a
     * caller, they may name them.
     */
    public record Use(long id, long caseId, String division, String actor, String actorDivision, Long contactId,
                      String reason, Instant grantedAt, Instant expiresAt, Instant reviewedAt, String reviewedBy,
                      BreakGlass.Verdict verdict, String reviewComment, boolean mayReview) {
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
                ? uses.reviewed(tx.actor().division(), max)
                : uses.unreviewed(tx.actor().division(), max))
                .map(list -> {
                    tx.describe("count=" + list.size());
                    return readable(tx, list);
                }));
    }

    /** The register of one's jurisdiction in one read: uses waiting for review (oldest first), then the latest reviewed. */
    public record Register(List<Use> waiting, List<Use> reviewed) {
    }

    /** Both lists of the register, read (and audited) together; each holds at most {@code limit} uses. */
    public Uni<Register> register(Integer limit) {
        int max = Pages.size(limit);
        return gate.inOwnScope(RiskAction.LIST_BREAK_GLASS, tx -> uses.unreviewed(tx.actor().division(), max)
                .chain(waiting -> uses.reviewed(tx.actor().division(), max).map(reviewed -> {
                    tx.describe("waiting=" + waiting.size() + ";reviewed=" + reviewed.size());
                    return new Register(readable(tx, waiting), readable(tx, reviewed));
                })));
    }

    private List<Use> readable(RiskTx tx, List<BreakGlass> list) {
        return list.stream().map(b -> tx.basis() == Basis.SUPERVISION ? use(b, tx.actorName()) : overseen(b)).toList();
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
                    b.reviewCommentSealed = review.comment() == null || review.comment().isBlank() ? null
                            : seal.seal(review.comment().strip(), "risk_break_glass.review_comment_sealed", b.id);
                    tx.describe("verdict=" + b.verdict + (b.reviewCommentSealed == null ? "" : ";comment"));
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
                b.reviewedAt, b.reviewedBy, b.verdict,
                b.reviewCommentSealed == null ? null
                        : seal.open(b.reviewCommentSealed, "risk_break_glass.review_comment_sealed", b.id),
                reviewRefusal(b, reader) == null);
    }

    /** The use as oversight reads it: its state, without the free text or the call. */
    private static Use overseen(BreakGlass b) {
        return new Use(b.id, b.caseId, b.division, b.actor, b.actorDivision, null, null, b.grantedAt, b.expiresAt,
                b.reviewedAt, b.reviewedBy, b.verdict, null, false);
    }
}
