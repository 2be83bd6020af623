package io.greenribbon.risk;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

    CaseDetails(ScreeningRepository screenings, CaseLinkRepository links, ReferralRepository referrals,
                FollowUpRepository followUps, FollowUpAttemptRepository attempts, CaseEventRepository events,
                DeadlineRepository deadlines, RiskSeal seal) {
        this.screenings = screenings;
        this.links = links;
        this.referrals = referrals;
        this.followUps = followUps;
        this.attempts = attempts;
        this.events = events;
        this.deadlines = deadlines;
        this.seal = seal;
    }

    Uni<CaseViews.Detail> of(RiskCase c) {
        return screenings.byCase(c.id).chain(s -> links.byCase(c.id).chain(l -> referrals.byCase(c.id).chain(r ->
                followUps(c.id).chain(f -> events.byCase(c.id).chain(e -> deadlines.pending(c.id)
                        .map(d -> detail(c, s, l, r, f, e, d)))))));
    }

    private CaseViews.Detail detail(RiskCase c, List<RiskScreening> s, List<RiskCaseLink> l, List<Referral> r,
                                    List<CaseViews.FollowUpView> f, List<RiskCaseEvent> e, List<RiskDeadline> d) {
        return new CaseViews.Detail(CaseViews.Summary.of(c),
                seal.open(c.noteSealed, "risk_case.note_sealed", c.id),
                seal.openJson(c.subjectSealed, ScreeningRequest.Subject.class, "risk_case.subject_sealed", c.id),
                c.closeReason, seal.open(c.closeNoteSealed, "risk_case.close_note_sealed", c.id), c.closedBy,
                s.stream().map(this::screening).toList(),
                l.stream().map(x -> new CaseViews.Link(x.contactId, x.sessionId, x.linkedAt, x.linkedBy)).toList(),
                r.stream().map(this::referral).toList(), f,
                e.stream().map(x -> new CaseViews.Event(x.at, x.kind, x.actor, x.detail)).toList(),
                d.stream().filter(x -> !(x.kind == RiskDeadline.Kind.ACKNOWLEDGE && c.acknowledgedAt != null))
                        .map(x -> new CaseViews.Deadline(x.kind, x.step, x.dueAt)).toList());
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
