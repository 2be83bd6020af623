package io.greenribbon.risk;

import io.greenribbon.audit.AuditEntry;
import io.greenribbon.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * Records C-SSRS screenings and what follows from them: the level in force, the case a high or imminent
 * level opens (or raises), and the lowering of a computed level, which waits for a second person, a risk
 * supervisor of the division.
 */
@ApplicationScoped
public class ScreeningService {

    private final RiskGate gate;
    private final RiskCaseRepository cases;
    private final ScreeningRepository screenings;
    private final CaseLinkRepository links;
    private final Escalation escalation;
    private final RiskAlerts alerts;
    private final RiskSeal seal;
    private final RiskConfig config;
    private final Instance<HotlineContacts> hotline;
    private final RoomSessions sessions;

    public ScreeningService(RiskGate gate, RiskCaseRepository cases, ScreeningRepository screenings,
                            CaseLinkRepository links, Escalation escalation, RiskAlerts alerts, RiskSeal seal,
                            RiskConfig config, Instance<HotlineContacts> hotline, RoomSessions sessions) {
        this.hotline = hotline;
        this.sessions = sessions;
        this.gate = gate;
        this.cases = cases;
        this.screenings = screenings;
        this.links = links;
        this.escalation = escalation;
        this.alerts = alerts;
        this.seal = seal;
        this.config = config;
    }

    /**
     * Records a screening. With a case id it joins that case; a hotline contact whose caller already has an
     * open case joins that one (the counsellor on the line may add to it, whoever it is assigned to);
     * otherwise a high or imminent level opens a new case.
     */
    public Uni<ScreeningResult> screen(ScreeningRequest request) {
        RiskScreening s = screening(request);
        return origin(request).chain(origin -> {
            if (request.division() != null && !request.division().equals(origin.division())) {
                // A client sending a division must agree with where the contact or session belongs.
                throw ProblemException.invalid("division", "the " + (request.contactId() != null ? "contact" : "session")
                        + " belongs to " + origin.division());
            }
            s.division = origin.division();
            if (request.caseId() != null) {
                return joinCase(request.caseId(), s, request);
            }
            if (origin.callerKey() == null) {
                return openNew(origin, s, request);
            }
            return gate.asSystem("screening-lookup", tx -> cases.openByCallerKey(origin.callerKey()))
                    .map(c -> c == null ? 0L : c.id)
                    .chain(existing -> existing != 0L ? joinCase(existing, s, request) : openNew(origin, s, request));
        });
    }

    /**
     * Where the screening happened: the hotline contact (with its caller's keyed hash and who answered it)
     * or the room session.
     */
    private record Origin(String callerKey, String division, String answeredBy) {
    }

    private Uni<Origin> origin(ScreeningRequest r) {
        if (r.contactId() != null) {
            return hotline.get().contact(r.contactId()).map(found -> found
                    .map(c -> new Origin(c.callerKey(), c.caseDivision(), c.counsellor()))
                    .orElseThrow(() -> ProblemException.invalid("contactId", "there is no such hotline contact")));
        }
        return sessions.divisionOf(r.sessionId()).map(found -> found.map(d -> new Origin(null, d, null))
                .orElseThrow(() -> ProblemException.invalid("sessionId", "there is no such room session")));
    }

    private Uni<ScreeningResult> joinCase(long caseId, RiskScreening s, ScreeningRequest request) {
        return gate.onCase(caseId, RiskAction.SCREEN, (tx, c) -> recorded(tx, request).chain(earlier -> {
            if (earlier != null) {
                return Uni.createFrom().item(earlier);
            }
            if (!c.open()) {
                throw ProblemException.conflict("risk.case.closed", c.id);
            }
            // A counsellor on the line with the person adds to a case that is not theirs as the service.
            return record(tx, s, request).chain(() -> tx.basis() == Basis.LIVE_CALL
                            ? tx.system("screening", () -> join(tx, c, s)) : join(tx, c, s))
                    .map(v -> ScreeningResult.of(s, false));
        }));
    }

    /**
     * The screening this account already recorded under the request's key (a form sent twice: a double click,
     * a retry after a dropped connection), or null. Two requests racing with one key meet at the unique index.
     */
    private Uni<ScreeningResult> recorded(RiskTx tx, ScreeningRequest request) {
        if (request.requestKey() == null) {
            return Uni.createFrom().nullItem();
        }
        return screenings.byRequest(tx.actorName(), request.requestKey()).map(earlier -> {
            if (earlier == null) {
                return null;
            }
            tx.describe("repeated request; screening=" + earlier.id);
            return ScreeningResult.of(earlier, false);
        });
    }

    /** A counsellor who answered the call may screen it wherever the line is (a call overflowing from another county). */
    private Uni<ScreeningResult> openNew(Origin origin, RiskScreening s, ScreeningRequest request) {
        String callerKey = origin.callerKey();
        return gate.inDivision(origin.division(), origin.answeredBy(), RiskAction.SCREEN,
                tx -> recorded(tx, request).chain(earlier -> earlier != null ? Uni.createFrom().item(earlier)
                        : record(tx, s, request).chain(() -> {
                    tx.recordCreated(s.id);
                    boolean opens = s.finalLevel.atLeast(RiskLevel.HIGH) || (s.finalLevel == RiskLevel.MODERATE
                            && (request.openCase() != null ? request.openCase() : config.moderateOpensCase()));
                    if (!opens) {
                        return Uni.createFrom().item(ScreeningResult.of(s, false));
                    }
                    return open(tx, s, request, callerKey).map(c -> ScreeningResult.of(s, true));
                })));
    }

    /** The screening as asked, checked: skip logic, imminent, and a reason for any level but the computed one. */
    private RiskScreening screening(ScreeningRequest r) {
        if ((r.contactId() == null) == (r.sessionId() == null)) {
            throw ProblemException.invalid("contactId", "give exactly one of contactId and sessionId");
        }
        Cssrs.checkSkipLogic(r.answers());
        RiskLevel computed = Cssrs.level(r.answers());
        if (r.imminent() && r.imminentBasis() == null) {
            throw ProblemException.invalid("imminentBasis", "say why the risk is imminent");
        }
        if (!r.imminent() && r.imminentBasis() != null) {
            throw ProblemException.invalid("imminent", "an imminent basis needs imminent: true");
        }
        if (r.imminent() && r.level() != null && r.level() != RiskLevel.IMMINENT) {
            throw ProblemException.invalid("level", "imminent risk cannot be set to a lower level");
        }
        if (r.level() == RiskLevel.IMMINENT && !r.imminent()) {
            throw ProblemException.invalid("imminent", "declare imminent risk with imminent: true and its basis");
        }
        RiskLevel requested = r.imminent() ? RiskLevel.IMMINENT : r.level() != null ? r.level() : computed;
        boolean raised = requested.compareTo(computed) > 0 && requested != RiskLevel.IMMINENT;
        boolean lowered = requested.compareTo(computed) < 0;
        if ((raised || lowered) && (r.reason() == null || r.reason().isBlank())) {
            throw ProblemException.invalid("reason", "a level other than the computed one needs a reason");
        }
        RiskScreening s = new RiskScreening();
        s.contactId = r.contactId();
        s.sessionId = r.sessionId();
        Cssrs.Answers a = r.answers();
        s.wishedDead = a.wishedDead();
        s.suicidalThoughts = a.suicidalThoughts();
        s.thoughtOfMethod = a.thoughtOfMethod();
        s.intent = a.intent();
        s.planAndIntent = a.planAndIntent();
        s.suicidalBehaviour = a.suicidalBehaviour();
        s.behaviourRecent = a.behaviourPastThreeMonths();
        s.imminent = r.imminent();
        s.imminentBasis = r.imminentBasis();
        s.computedLevel = computed;
        s.requestedLevel = requested;
        // A lowering waits for a supervisor: until then the computed level is in force.
        s.lowering = lowered ? RiskScreening.Lowering.PENDING : null;
        s.finalLevel = lowered ? computed : requested;
        return s;
    }

    private Uni<RiskScreening> record(RiskTx tx, RiskScreening s, ScreeningRequest r) {
        s.screenedBy = tx.actorName();
        s.screenedAt = tx.now();
        s.requestKey = r.requestKey();
        return screenings.persist(s).invoke(saved -> {
            saved.levelReasonSealed = seal.seal(r.reason(), "risk_screening.level_reason_sealed", saved.id);
            saved.noteSealed = seal.seal(r.note(), "risk_screening.note_sealed", saved.id);
        });
    }

    private Uni<RiskCase> open(RiskTx tx, RiskScreening s, ScreeningRequest r, String callerKey) {
        RiskCase c = new RiskCase();
        c.callerKey = callerKey;
        c.division = s.division;
        c.level = s.finalLevel;
        c.assignedCounsellor = tx.actorName();
        c.openedAt = tx.now();
        c.openedBy = tx.actorName();
        return cases.persist(c).chain(saved -> {
            saved.noteSealed = seal.seal(r.note(), "risk_case.note_sealed", saved.id);
            saved.subjectSealed = seal.sealJson(r.subject(), "risk_case.subject_sealed", saved.id);
            s.caseId = saved.id;
            tx.audit(AuditEntry.of(tx.now(), tx.actor(), "risk.case.open", "risk_case", saved.id, saved.division,
                    tx.basis().purpose(), AuditEntry.Outcome.ALLOWED, "level=" + saved.level));
            return link(tx, saved, s).chain(() -> escalation.opened(tx, saved)).replaceWith(saved);
        });
    }

    /** Adds a screening to an open case, raising the case's level when the screening's is higher. */
    private Uni<Void> join(RiskTx tx, RiskCase c, RiskScreening s) {
        s.caseId = c.id;
        Uni<Void> linked = link(tx, c, s).chain(() -> alerts.event(tx, c, RiskCaseEvent.Kind.SCREENED,
                "screening=" + s.id + ";level=" + s.finalLevel));
        if (s.finalLevel.compareTo(c.level) <= 0) {
            return linked;
        }
        RiskLevel from = c.level;
        c.level = s.finalLevel;
        return linked.chain(() -> escalation.raised(tx, c, from));
    }

    private Uni<Void> link(RiskTx tx, RiskCase c, RiskScreening s) {
        return links.linked(c.id, s.contactId, s.sessionId).chain(already -> {
            if (already) {
                return Uni.createFrom().voidItem();
            }
            RiskCaseLink link = new RiskCaseLink();
            link.caseId = c.id;
            link.contactId = s.contactId;
            link.sessionId = s.sessionId;
            link.linkedAt = tx.now();
            link.linkedBy = tx.actorName();
            return links.persist(link).replaceWithVoid();
        });
    }

    /** A supervisor of the screening's division, not its screener, approves or rejects a lowering. */
    public Uni<ScreeningResult> decideLowering(long screeningId, boolean approve) {
        return gate.onRecord(RiskAction.DECIDE_LOWERING, tx -> tx.session().find(RiskScreening.class, screeningId,
                                org.hibernate.LockMode.PESSIMISTIC_WRITE)
                        .map(s -> s == null ? new RiskGate.Target<>(null, RecordFacts.missing("risk_screening", screeningId))
                                : new RiskGate.Target<>(s, new RecordFacts("risk_screening", s.id, s.division, null, null,
                                s.caseId, null))),
                (tx, s) -> {
                    CaseRules.require(CaseRules.decideLowering(s, tx.actorName()));
                    s.lowering = approve ? RiskScreening.Lowering.APPROVED : RiskScreening.Lowering.REJECTED;
                    s.loweringDecidedBy = tx.actorName();
                    s.loweringDecidedAt = tx.now();
                    if (!approve) {
                        return caseEvent(tx, s, RiskCaseEvent.Kind.LOWERING_REJECTED).map(v -> ScreeningResult.of(s, false));
                    }
                    s.finalLevel = s.requestedLevel;
                    return lowerCase(tx, s).map(v -> ScreeningResult.of(s, false));
                });
    }

    private Uni<Void> lowerCase(RiskTx tx, RiskScreening s) {
        if (s.caseId == null) {
            return Uni.createFrom().voidItem();
        }
        return tx.session().find(RiskCase.class, s.caseId, org.hibernate.LockMode.PESSIMISTIC_WRITE).chain(c -> {
            RiskLevel floor = RiskLevel.max(s.finalLevel, RiskLevel.MODERATE);
            if (c == null) {
                return Uni.createFrom().voidItem();
            }
            if (!c.open() || c.level.compareTo(floor) <= 0) {
                return alerts.changed(tx, c);
            }
            String detail = "from=" + c.level + ";to=" + floor + ";screening=" + s.id;
            c.level = floor;
            return alerts.event(tx, c, RiskCaseEvent.Kind.LEVEL_LOWERED, detail).chain(() -> alerts.changed(tx, c));
        });
    }

    private Uni<Void> caseEvent(RiskTx tx, RiskScreening s, RiskCaseEvent.Kind kind) {
        if (s.caseId == null) {
            return Uni.createFrom().voidItem();
        }
        return tx.session().find(RiskCase.class, s.caseId)
                .chain(c -> c == null ? Uni.createFrom().voidItem() : alerts.event(tx, c, kind, "screening=" + s.id)
                        .chain(() -> alerts.changed(tx, c)));
    }
}
