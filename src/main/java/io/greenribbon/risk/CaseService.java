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
    private final CaseEventRepository events;
    private final CaseLinkRepository links;
    private final Instance<HotlineContacts> hotline;
    private final ScreeningRepository screenings;

    public CaseService(RiskGate gate, AccessDecision access, RiskCaseRepository cases, CaseDetails details,
                       Escalation escalation, RiskAlerts alerts, ReferralRepository referrals,
                       FollowUpRepository followUps, DutyRoster roster, Instance<SupervisorPager> pager, RiskSeal seal,
                       CaseEventRepository events, CaseLinkRepository links, Instance<HotlineContacts> hotline,
                       ScreeningRepository screenings) {
        this.screenings = screenings;
        this.events = events;
        this.links = links;
        this.hotline = hotline;
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

    /**
     * A supervisor's inbox: the open cases of their jurisdiction, those that must ring first (an imminent or
     * escalated case nobody has acknowledged), then imminent, then unacknowledged ones, higher levels first,
     * newest first; each with the latest alert about it and the latest step that went past someone who did
     * not answer.
     */
    public Uni<List<CaseViews.InboxEntry>> inbox() {
        return gate.inOwnScope(RiskAction.LIST_CASES, tx -> {
            if (tx.basis() != Basis.SUPERVISION) {
                throw ProblemException.forbidden("risk.forbidden.ground-owner");
            }
            return cases.list(access.jurisdiction(), null, RiskCase.Status.OPEN, Pages.MAX).chain(open -> {
                tx.describe("count=" + open.size() + ";inbox");
                List<Long> ids = open.stream().map(c -> c.id).toList();
                return events.latestOfKinds(ids, INBOX_EVENTS).chain(latest -> screenings.withPendingLowering(ids)
                        .map(lowering -> open.stream()
                                .sorted(INBOX_ORDER)
                                .map(c -> inboxEntry(tx.actorName(), c, latest.getOrDefault(c.id, List.of()),
                                        lowering.contains(c.id)))
                                .toList()));
            });
        });
    }

    private static final java.util.Set<RiskCaseEvent.Kind> MISSED = java.util.EnumSet.of(RiskCaseEvent.Kind.ESCALATED,
            RiskCaseEvent.Kind.REALERTED, RiskCaseEvent.Kind.PAGE_UNANSWERED, RiskCaseEvent.Kind.NO_ONE_ON_DUTY);
    private static final java.util.Set<RiskCaseEvent.Kind> INBOX_EVENTS = java.util.EnumSet.of(RiskCaseEvent.Kind.ALERTED,
            RiskCaseEvent.Kind.ESCALATED, RiskCaseEvent.Kind.REALERTED, RiskCaseEvent.Kind.PAGE_UNANSWERED,
            RiskCaseEvent.Kind.NO_ONE_ON_DUTY);
    /** Ringing first, then imminent, unacknowledged, higher level, newer. */
    static final java.util.Comparator<RiskCase> INBOX_ORDER = java.util.Comparator
            .comparing((RiskCase c) -> !RiskAlerts.urgent(c))
            .thenComparing(c -> c.level != RiskLevel.IMMINENT)
            .thenComparing(c -> c.acknowledgedAt != null)
            .thenComparing((RiskCase c) -> c.level.ordinal(), java.util.Comparator.reverseOrder())
            .thenComparing((RiskCase c) -> c.openedAt, java.util.Comparator.reverseOrder());

    private static CaseViews.InboxEntry inboxEntry(String viewer, RiskCase c, List<RiskCaseEvent> latestFirst,
                                                   boolean loweringPending) {
        RiskCaseEvent alert = latestFirst.stream().filter(e -> e.kind == RiskCaseEvent.Kind.ALERTED).findFirst().orElse(null);
        RiskCaseEvent missed = latestFirst.stream().filter(e -> MISSED.contains(e.kind)).findFirst().orElse(null);
        boolean you = alert != null && alert.detail != null && java.util.Arrays.stream(alert.detail.split(";"))
                .filter(part -> part.startsWith("to=")).flatMap(part -> java.util.Arrays.stream(part.substring(3).split(",")))
                .anyMatch(to -> to.equals(viewer) || to.startsWith("role:"));
        return new CaseViews.InboxEntry(CaseViews.Summary.of(c), event(alert), you, event(missed), RiskAlerts.urgent(c),
                loweringPending);
    }

    private static CaseViews.Event event(RiskCaseEvent e) {
        return e == null ? null : new CaseViews.Event(e.at, e.kind, e.actor, e.detail);
    }

    public Uni<CaseViews.Detail> get(long id) {
        return gate.onCase(id, RiskAction.READ_CASE, details::of);
    }

    public Uni<CaseViews.Summary> acknowledge(long id) {
        return gate.onCase(id, RiskAction.ACKNOWLEDGE, (tx, c) -> {
            CaseRules.require(CaseRules.acknowledge(c));
            return escalation.acknowledged(tx, c).chain(() -> alerts.changed(tx, c)).map(v -> CaseViews.Summary.of(c));
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
                CaseRules.require(CaseRules.close(c, unconfirmed, open));
                c.status = RiskCase.Status.CLOSED;
                c.closedAt = tx.now();
                c.closedBy = tx.actorName();
                c.closeReason = request.reason();
                c.closeNoteSealed = seal.seal(request.note(), "risk_case.close_note_sealed", c.id);
                return alerts.event(tx, c, RiskCaseEvent.Kind.CLOSED, "reason=" + request.reason())
                        .chain(() -> alerts.changed(tx, c))
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

    /**
     * A supervisor's own phone rings and, once answered, joins the live call of the case's person: listening,
     * whispering to the counsellor, or speaking to both.
     */
    public Uni<Map<String, String>> superviseCall(long id, CaseRequests.SuperviseCall request) {
        return gate.onCase(id, RiskAction.SUPERVISE_CALL, (tx, c) -> links.byCase(c.id).chain(linked -> {
            if (!hotline.isResolvable()) {
                throw ProblemException.conflict("risk.join.no-telephony");
            }
            return hotline.get().liveCallWith(c.callerKey, CaseDetails.contactsOf(linked)).chain(call -> {
                String own = tx.actor().extension();
                CaseRules.require(CaseRules.superviseCall(c, call.map(HotlineContacts.CallInProgress::joinable)
                        .orElse(false), own));
                HotlineContacts.CallInProgress live = call.get();
                if (!pager.isResolvable()) {
                    throw ProblemException.conflict("risk.join.no-telephony");
                }
                return pager.get().joinLiveCall(new SupervisorPager.Join(own, live.counsellorExtension(), request.mode(), c.id,
                                c.division))
                        .call(callId -> alerts.event(tx, c, RiskCaseEvent.Kind.SUPERVISOR_JOINED_CALL, "supervisor="
                                + tx.actorName() + ";mode=" + request.mode() + ";call=" + callId + ";counsellor="
                                + live.counsellor() + ";contact=" + live.contactId()))
                        .invoke(callId -> tx.describe("mode=" + request.mode() + ";contact=" + live.contactId()))
                        .map(callId -> Map.of("callId", callId, "counsellor", live.counsellor()));
            });
        }));
    }

    static void requireOpen(RiskCase c) {
        CaseRules.require(CaseRules.open(c));
    }
}
