package io.greenribbon.risk;

import io.greenribbon.problem.ProblemException;
import io.greenribbon.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.hibernate.LockMode;

import java.time.Instant;
import java.util.List;

/**
 * Unmasking a caller's number for a rescue, by two people: the counsellor asks (with the contact, a
 * reason and the legal basis), a risk supervisor of the division who is not the requester approves, and
 * the requester then sees the number once, within a short window. Every step is on the case's timeline
 * and in the audit log.
 */
@ApplicationScoped
public class UnmaskService {

    public record Request(@NotNull @Positive Long contactId, @NotBlank @Size(min = 10, max = 2000) String reason,
                          @NotNull UnmaskRequest.LegalBasis legalBasis) {
    }

    /**
     * A request as the reading account sees it: with whether that account may approve or reject it now
     * ({@code mayDecide}: the two-person rule, the request's state and time) and who else may
     * ({@code approvers}: the supervisors on duty for its division, never the requester; any risk supervisor
     * governing the division may decide too).
     */
    public record View(long id, long caseId, long contactId, String requestedBy, Instant requestedAt, String reason,
                       UnmaskRequest.LegalBasis legalBasis, UnmaskRequest.Status status, String decidedBy,
                       Instant decidedAt, Instant expiresAt, Instant disclosedAt, boolean mayDecide,
                       List<String> approvers) {
    }

    /** The number, disclosed to the requester, with the legal basis it was disclosed on. */
    public record Disclosure(long requestId, long contactId, String number, UnmaskRequest.LegalBasis legalBasis,
                             Instant disclosedAt) {
    }

    private final RiskGate gate;
    private final UnmaskRepository requests;
    private final CaseLinkRepository links;
    private final Instance<HotlineContacts> hotline;
    private final RiskAlerts alerts;
    private final RiskSeal seal;
    private final RiskConfig config;
    private final DutyRoster roster;

    public UnmaskService(RiskGate gate, UnmaskRepository requests, CaseLinkRepository links, Instance<HotlineContacts> hotline,
                         RiskAlerts alerts, RiskSeal seal, RiskConfig config, DutyRoster roster) {
        this.roster = roster;
        this.gate = gate;
        this.requests = requests;
        this.links = links;
        this.hotline = hotline;
        this.alerts = alerts;
        this.seal = seal;
        this.config = config;
    }

    public Uni<View> request(long caseId, Request request) {
        return gate.onCase(caseId, RiskAction.REQUEST_UNMASK, (tx, c) -> {
            CaseService.requireOpen(c);
            return links.linked(c.id, request.contactId(), null).chain(linked -> {
                if (!linked) {
                    throw ProblemException.invalid("contactId", "not a hotline contact of this case");
                }
                UnmaskRequest u = new UnmaskRequest();
                u.caseId = c.id;
                u.division = c.division;
                u.contactId = request.contactId();
                u.requestedBy = tx.actorName();
                u.requestedAt = tx.now();
                u.reasonSealed = "-";
                u.legalBasis = request.legalBasis();
                u.expiresAt = tx.now().plus(config.unmaskValidFor());
                return requests.persist(u).chain(saved -> {
                    saved.reasonSealed = seal.seal(request.reason(), "risk_unmask_request.reason_sealed", saved.id);
                    tx.describe("unmask=" + saved.id + ";basis=" + saved.legalBasis);
                    return alerts.event(tx, c, RiskCaseEvent.Kind.UNMASK_REQUESTED, "unmask=" + saved.id + ";by=" + saved.requestedBy)
                            .chain(() -> alerts.alertOnDuty(tx, c, "UNMASK_REQUESTED"))
                            .map(v -> view(tx, saved, List.of()));
                });
            });
        });
    }

    /** Open requests: a supervisor's jurisdiction's, a counsellor's own. */
    public Uni<List<View>> open(Integer limit) {
        int max = Pages.size(limit);
        return gate.inOwnScope(RiskAction.LIST_UNMASK, tx -> requests.open(
                        tx.basis() == Basis.SUPERVISION ? tx.actor().division() : null, tx.actorName(), max)
                .chain(all -> {
                    List<UnmaskRequest> list = all.stream().filter(u -> u.expiresAt.isAfter(tx.now())).toList();
                    tx.describe("count=" + list.size());
                    return onDuty(tx, list).map(duty -> list.stream()
                            .map(u -> view(tx, u, duty.getOrDefault(u.division, List.of()))).toList());
                }));
    }

    /** The supervisors on duty now for each request's division. */
    private Uni<java.util.Map<String, List<String>>> onDuty(RiskTx tx, List<UnmaskRequest> list) {
        java.util.Map<String, List<String>> byDivision = new java.util.concurrent.ConcurrentHashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String division : list.stream().map(u -> u.division).distinct().toList()) {
            chain = chain.chain(() -> roster.supervisors(division, tx.now())
                    .invoke(duties -> byDivision.put(division, Escalation.usernames(duties))).replaceWithVoid());
        }
        return chain.replaceWith(byDivision);
    }

    /**
     * Why {@code actor} may not approve or reject the request now (null when they may): the two-person rule
     * first, then its time and state. The gate decides beforehand that the account supervises the division.
     */
    static ProblemException decisionRefusal(UnmaskRequest u, String actor, Instant now) {
        if (u.requestedBy.equals(actor)) {
            return ProblemException.forbidden("risk.forbidden.own-unmask-request");
        }
        ProblemException expired = expired(u, now);
        if (expired != null) {
            return expired;
        }
        if (u.status != UnmaskRequest.Status.PENDING) {
            return ProblemException.conflict("risk.unmask.not-pending", u.id).with("status", u.status);
        }
        return null;
    }

    public Uni<View> decide(long id, boolean approve) {
        return gate.onRecord(RiskAction.DECIDE_UNMASK, loader(id), (tx, u) -> {
            CaseRules.require(decisionRefusal(u, tx.actorName(), tx.now()));
            u.status = approve ? UnmaskRequest.Status.APPROVED : UnmaskRequest.Status.REJECTED;
            u.decidedBy = tx.actorName();
            u.decidedAt = tx.now();
            if (approve) {
                u.expiresAt = tx.now().plus(config.unmaskValidFor());
            }
            tx.describe("unmask=" + u.id + ";decision=" + u.status);
            return tx.session().find(RiskCase.class, u.caseId).chain(c -> alerts.event(tx, c,
                            approve ? RiskCaseEvent.Kind.UNMASK_APPROVED : RiskCaseEvent.Kind.UNMASK_REJECTED,
                            "unmask=" + u.id + ";by=" + u.decidedBy))
                    .map(v -> view(tx, u, List.of()));
        });
    }

    /** The requester sees the number once, within the approval's window; the disclosure commits with its record. */
    public Uni<Disclosure> disclose(long id) {
        return gate.onRecord(RiskAction.DISCLOSE_NUMBER, loader(id), (tx, u) -> {
            expireIfLate(tx, u);
            if (u.status != UnmaskRequest.Status.APPROVED) {
                throw ProblemException.conflict("risk.unmask.not-approved", u.id).with("status", u.status);
            }
            if (!hotline.isResolvable()) {
                throw new ProblemException(ProblemType.UNAVAILABLE, "risk.unmask.no-hotline");
            }
            return hotline.get().openCallerNumber(u.contactId).chain(number -> {
                u.status = UnmaskRequest.Status.DISCLOSED;
                u.disclosedAt = tx.now();
                tx.describe("unmask=" + u.id + ";contact=" + u.contactId + ";basis=" + u.legalBasis + ";approvedBy=" + u.decidedBy);
                return tx.system("unmask", () -> tx.session().find(RiskCase.class, u.caseId)
                                .chain(c -> alerts.event(tx, c, RiskCaseEvent.Kind.NUMBER_DISCLOSED,
                                        "unmask=" + u.id + ";to=" + u.requestedBy + ";basis=" + u.legalBasis)))
                        .map(v -> new Disclosure(u.id, u.contactId, number, u.legalBasis, u.disclosedAt));
            });
        });
    }

    private static java.util.function.Function<RiskTx, Uni<RiskGate.Target<UnmaskRequest>>> loader(long id) {
        return tx -> tx.session().find(UnmaskRequest.class, id, LockMode.PESSIMISTIC_WRITE)
                .map(u -> u == null ? new RiskGate.Target<>(null, RecordFacts.missing("risk_unmask_request", id))
                        : new RiskGate.Target<>(u, new RecordFacts("risk_unmask_request", u.id, u.division, null,
                        u.requestedBy, u.caseId, null)));
    }

    private static void expireIfLate(RiskTx tx, UnmaskRequest u) {
        CaseRules.require(expired(u, tx.now()));
    }

    /** A request waiting for a decision or a disclosure past its time. */
    private static ProblemException expired(UnmaskRequest u, Instant now) {
        return (u.status == UnmaskRequest.Status.PENDING || u.status == UnmaskRequest.Status.APPROVED)
                && !now.isBefore(u.expiresAt)
                ? ProblemException.conflict("risk.unmask.expired", u.id).with("expiredAt", u.expiresAt) : null;
    }

    private View view(RiskTx tx, UnmaskRequest u, List<String> onDuty) {
        boolean mayDecide = tx.basis() == Basis.SUPERVISION && decisionRefusal(u, tx.actorName(), tx.now()) == null;
        return new View(u.id, u.caseId, u.contactId, u.requestedBy, u.requestedAt,
                seal.open(u.reasonSealed, "risk_unmask_request.reason_sealed", u.id), u.legalBasis, u.status,
                u.decidedBy, u.decidedAt, u.expiresAt, u.disclosedAt, mayDecide,
                onDuty.stream().filter(name -> !name.equals(u.requestedBy)).toList());
    }
}
