package io.greenribbon.risk;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.util.List;
import java.util.Map;

/** Reading cases, and what supervisors and counsellors do with them: acknowledge, escalate, close, call in. */
@ApplicationScoped
public class CaseService {

    private final RiskGate gate;
    private final AccessDecision access;
    private final RiskCaseRepository cases;
    private final CaseDetails details;
    private final Escalation escalation;
    private final RiskAlerts alerts;
    private final ReferralRepository referrals;
    private final FollowUpRepository followUps;
    private final DutyRoster roster;
    private final Instance<SupervisorPager> pager;
    private final RiskSeal seal;

    public CaseService(RiskGate gate, AccessDecision access, RiskCaseRepository cases, CaseDetails details,
                       Escalation escalation, RiskAlerts alerts, ReferralRepository referrals,
                       FollowUpRepository followUps, DutyRoster roster, Instance<SupervisorPager> pager, RiskSeal seal) {
        this.gate = gate;
        this.access = access;
        this.cases = cases;
        this.details = details;
        this.escalation = escalation;
        this.alerts = alerts;
        this.referrals = referrals;
        this.followUps = followUps;
        this.roster = roster;
        this.pager = pager;
        this.seal = seal;
    }

    /** A counsellor's own cases; a supervisor's jurisdiction's. */
    public Uni<List<CaseViews.Summary>> list(RiskCase.Status status, Integer limit) {
        int max = Pages.size(limit);
        return gate.inOwnScope(RiskAction.LIST_CASES, tx -> {
            boolean wholesale = tx.basis() == Basis.SUPERVISION;
            return cases.list(wholesale ? access.jurisdiction() : null, wholesale ? null : tx.actorName(),
                    status == null ? RiskCase.Status.OPEN : status, max)
                    .map(list -> {
                        tx.describe("count=" + list.size());
                        return list.stream().map(CaseViews.Summary::of).toList();
                    });
        });
    }

    public Uni<CaseViews.Detail> get(long id) {
        return gate.onCase(id, RiskAction.READ_CASE, (tx, c) -> details.of(c));
    }

    public Uni<CaseViews.Summary> acknowledge(long id) {
        return gate.onCase(id, RiskAction.ACKNOWLEDGE, (tx, c) -> {
            requireOpen(c);
            if (c.acknowledgedAt != null) {
                throw ProblemException.conflict("risk.case.already-acknowledged", c.id, c.acknowledgedBy)
                        .with("acknowledgedBy", c.acknowledgedBy).with("acknowledgedAt", c.acknowledgedAt);
            }
            return escalation.acknowledged(tx, c).map(v -> CaseViews.Summary.of(c));
        });
    }

    public Uni<CaseViews.Summary> escalate(long id, CaseRequests.Escalate request) {
        return gate.onCase(id, RiskAction.ESCALATE, (tx, c) -> {
            requireOpen(c);
            if (request != null && request.reason() != null && !request.reason().isBlank()) {
                tx.describe("reason=" + request.reason());
            }
            return escalation.escalate(tx, c, true).map(v -> CaseViews.Summary.of(c));
        });
    }

    /** Closing needs a supervisor, a reason, every referral's outcome and no open follow-up. */
    public Uni<CaseViews.Summary> close(long id, CaseRequests.Close request) {
        return gate.onCase(id, RiskAction.CLOSE, (tx, c) -> {
            requireOpen(c);
            return referrals.unconfirmed(c.id).chain(unconfirmed -> followUps.open(c.id).chain(open -> {
                if (unconfirmed > 0) {
                    throw ProblemException.conflict("risk.case.referral-unconfirmed", c.id).with("unconfirmedReferrals", unconfirmed);
                }
                if (open > 0) {
                    throw ProblemException.conflict("risk.case.follow-up-open", c.id).with("openFollowUps", open);
                }
                c.status = RiskCase.Status.CLOSED;
                c.closedAt = tx.now();
                c.closedBy = tx.actorName();
                c.closeReason = request.reason();
                c.closeNoteSealed = seal.seal(request.note(), "risk_case.close_note_sealed", c.id);
                return alerts.event(tx, c, RiskCaseEvent.Kind.CLOSED, "reason=" + request.reason())
                        .chain(() -> tx.session().flush())
                        .map(v -> CaseViews.Summary.of(c));
            }));
        });
    }

    /** Rings a supervisor and joins them to the counsellor's live call (whisper or barge). */
    public Uni<Map<String, String>> joinCall(long id, CaseRequests.JoinCall request) {
        return gate.onCase(id, RiskAction.JOIN_CALL, (tx, c) -> {
            requireOpen(c);
            String counsellorExtension = tx.actor().extension();
            if (counsellorExtension == null) {
                throw ProblemException.conflict("risk.join.no-extension");
            }
            String wanted = request.supervisor() != null ? request.supervisor()
                    : c.acknowledgedBy != null ? c.acknowledgedBy : c.supervisor;
            return roster.supervisors(c.division, tx.now()).map(onDuty -> onDuty.stream()
                            .filter(d -> d.extension != null && (wanted == null || d.username.equals(wanted)))
                            .findFirst()
                            .orElseThrow(() -> ProblemException.conflict("risk.join.no-supervisor-phone", wanted)))
                    .chain(duty -> {
                        if (!pager.isResolvable()) {
                            throw ProblemException.conflict("risk.join.no-telephony");
                        }
                        return pager.get().joinLiveCall(new SupervisorPager.Join(duty.extension, counsellorExtension,
                                        request.mode(), c.id, tx.actor().division()))
                                .call(callId -> alerts.event(tx, c, RiskCaseEvent.Kind.SUPERVISOR_JOINED_CALL,
                                        "supervisor=" + duty.username + ";mode=" + request.mode() + ";call=" + callId))
                                .map(callId -> Map.of("callId", callId, "supervisor", duty.username));
                    });
        });
    }

    static void requireOpen(RiskCase c) {
        if (!c.open()) {
            throw ProblemException.conflict("risk.case.closed", c.id);
        }
    }
}
