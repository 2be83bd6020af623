package io.greenribbon.risk;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Assembles the full view of a case, opening its sealed parts, inside the transaction the gate opened. */
@ApplicationScoped
class CaseDetails {

    private final ScreeningRepository screenings;
    private final CaseLinkRepository links;
    private final ReferralRepository referrals;
    private final FollowUpRepository followUps;
    private final FollowUpAttemptRepository attempts;
    private final CaseEventRepository events;
    private final DeadlineRepository deadlines;
    private final RiskSeal seal;
    private final Instance<HotlineContacts> hotline;

    CaseDetails(ScreeningRepository screenings, CaseLinkRepository links, ReferralRepository referrals,
                FollowUpRepository followUps, FollowUpAttemptRepository attempts, CaseEventRepository events,
                DeadlineRepository deadlines, RiskSeal seal, Instance<HotlineContacts> hotline) {
        this.hotline = hotline;
        this.screenings = screenings;
        this.links = links;
        this.referrals = referrals;
        this.followUps = followUps;
        this.attempts = attempts;
        this.events = events;
        this.deadlines = deadlines;
        this.seal = seal;
    }

    /** The case as the transaction's account sees it, with what that account may do with it now. */
    Uni<CaseViews.Detail> of(RiskTx tx, RiskCase c) {
        return screenings.byCase(c.id).chain(s -> links.byCase(c.id).chain(l -> referrals.byCase(c.id).chain(r ->
                followUps(c.id).chain(f -> events.byCase(c.id).chain(e -> deadlines.pending(c.id)
                        .chain(d -> liveCall(tx, c, l).map(call -> detail(tx, c, s, l, r, f, e, d, call))))))));
    }

    /** The live call of the case's person, looked for only where a supervisor could join it. */
    private Uni<Optional<HotlineContacts.CallInProgress>> liveCall(RiskTx tx, RiskCase c, List<RiskCaseLink> l) {
        if (!c.open() || tx.basis() != Basis.SUPERVISION || !hotline.isResolvable()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return hotline.get().liveCallWith(c.callerKey, contactsOf(l));
    }

    static List<Long> contactsOf(List<RiskCaseLink> links) {
        return links.stream().map(x -> x.contactId).filter(java.util.Objects::nonNull).toList();
    }

    private CaseViews.Detail detail(RiskTx tx, RiskCase c, List<RiskScreening> s, List<RiskCaseLink> l, List<Referral> r,
                                    List<CaseViews.FollowUpView> f, List<RiskCaseEvent> e, List<RiskDeadline> d,
                                    Optional<HotlineContacts.CallInProgress> call) {
        List<CaseRules.Allowed> allowed = CaseRules.allowed(tx.actor(), c, r,
                f.stream().map(CaseViews.FollowUpView::status).toList(), f.stream().map(CaseViews.FollowUpView::id).toList(), s,
                call.map(HotlineContacts.CallInProgress::joinable).orElse(false));
        return new CaseViews.Detail(CaseViews.Summary.of(c),
                seal.open(c.noteSealed, "risk_case.note_sealed", c.id),
                seal.openJson(c.subjectSealed, ScreeningRequest.Subject.class, "risk_case.subject_sealed", c.id),
                c.closeReason, seal.open(c.closeNoteSealed, "risk_case.close_note_sealed", c.id), c.closedBy,
                s.stream().map(this::screening).toList(),
                l.stream().map(x -> new CaseViews.Link(x.contactId, x.sessionId, x.linkedAt, x.linkedBy)).toList(),
                r.stream().map(this::referral).toList(), f,
                e.stream().map(x -> new CaseViews.Event(x.at, x.kind, x.actor, x.detail)).toList(),
                d.stream().filter(x -> !(x.kind == RiskDeadline.Kind.ACKNOWLEDGE && c.acknowledgedAt != null))
                        .map(x -> new CaseViews.Deadline(x.kind, x.step, x.dueAt)).toList(),
                call.map(x -> new CaseViews.LiveCall(x.contactId(), x.lineId(), x.counsellor(), x.answeredAt())).orElse(null),
                allowed);
    }

    Uni<List<CaseViews.FollowUpView>> followUps(long caseId) {
        return followUps.byCase(caseId).chain(list -> attempts.byCase(caseId).map(all -> {
            Map<Long, List<FollowUpAttempt>> byFollowUp = all.stream().collect(Collectors.groupingBy(a -> a.followUpId));
            return list.stream().map(f -> new CaseViews.FollowUpView(f.id, f.windowOpensAt, f.dueAt, f.status, f.attempts,
                    f.maxAttempts, f.outcome, f.completedAt, byFollowUp.getOrDefault(f.id, List.of()).stream()
                    .map(a -> new CaseViews.Attempt(a.id, a.at, a.madeBy, a.result, a.outcome,
                            seal.open(a.noteSealed, "risk_follow_up_attempt.note_sealed", a.id))).toList())).toList();
        }));
    }

    private CaseViews.Screening screening(RiskScreening s) {
        return new CaseViews.Screening(s.id, s.screenedAt, s.screenedBy, s.contactId, s.sessionId, s.computedLevel,
                s.requestedLevel, s.finalLevel, s.lowering, s.imminent, s.imminentBasis,
                new Cssrs.Answers(s.wishedDead, s.suicidalThoughts, s.thoughtOfMethod, s.intent, s.planAndIntent,
                        s.suicidalBehaviour, s.behaviourRecent),
                seal.open(s.levelReasonSealed, "risk_screening.level_reason_sealed", s.id));
    }

    private CaseViews.ReferralView referral(Referral r) {
        return new CaseViews.ReferralView(r.id, r.service, r.referredAt, r.referredBy, Arrays.asList(r.shared.split(",")),
                seal.open(r.sharedNoteSealed, "risk_referral.shared_note_sealed", r.id), r.reference, r.outcome,
                r.outcomeAt, r.outcomeBy, seal.open(r.outcomeNoteSealed, "risk_referral.outcome_note_sealed", r.id));
    }
}
