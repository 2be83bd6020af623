package io.greenribbon.risk;

import io.greenribbon.access.Actor;
import io.greenribbon.problem.ProblemException;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What may be done with a case in the state it is in. The services refuse with these problems, and the
 * views offer only what none of them refuses (the console shows a button only for an allowed action): one
 * rule for both. Who may act at all is the gate's ({@link RiskRules}, {@link RiskAction}); this is the state.
 */
public final class CaseRules {

    /**
     * An action the account may take now: on the case itself ({@code target} null), or on one of its
     * referrals ({@link RiskAction#CONFIRM_OUTCOME}), follow-ups ({@link RiskAction#WRITE_FOLLOW_UPS}: an attempt)
     * or screenings ({@link RiskAction#DECIDE_LOWERING}: approve or reject the lower level a counsellor asked for).
     */
    public record Allowed(RiskAction action, Long target) {
    }

    /** The actions offered on a case page, in the order they are offered. */
    private static final List<RiskAction> OFFERED = List.of(RiskAction.ACKNOWLEDGE, RiskAction.SUPERVISE_CALL,
            RiskAction.REFER, RiskAction.CONFIRM_OUTCOME, RiskAction.WRITE_FOLLOW_UPS, RiskAction.DECIDE_LOWERING,
            RiskAction.ESCALATE, RiskAction.CLOSE);

    private CaseRules() {
    }

    /** Anything that changes a case needs it open. */
    static ProblemException open(RiskCase c) {
        return c.open() ? null : ProblemException.conflict("risk.case.closed", c.id);
    }

    static ProblemException acknowledge(RiskCase c) {
        ProblemException closed = open(c);
        if (closed != null || c.acknowledgedAt == null) {
            return closed;
        }
        return ProblemException.conflict("risk.case.already-acknowledged", c.id, c.acknowledgedBy)
                .with("acknowledgedBy", c.acknowledgedBy).with("acknowledgedAt", c.acknowledgedAt);
    }

    /** Closing needs every referral's outcome and no open follow-up. */
    static ProblemException close(RiskCase c, long unconfirmedReferrals, long openFollowUps) {
        ProblemException closed = open(c);
        if (closed != null) {
            return closed;
        }
        if (unconfirmedReferrals > 0) {
            return ProblemException.conflict("risk.case.referral-unconfirmed", c.id)
                    .with("unconfirmedReferrals", unconfirmedReferrals);
        }
        if (openFollowUps > 0) {
            return ProblemException.conflict("risk.case.follow-up-open", c.id).with("openFollowUps", openFollowUps);
        }
        return null;
    }

    static ProblemException confirmOutcome(Referral r) {
        return r.outcome == null ? null : ProblemException.conflict("risk.referral.outcome-recorded", r.id)
                .with("outcome", r.outcome).with("outcomeBy", r.outcomeBy);
    }

    static ProblemException attempt(FollowUp.Status status, long followUpId) {
        return status == FollowUp.Status.OPEN ? null
                : ProblemException.conflict("risk.follow-up.not-open", followUpId).with("status", status);
    }

    /** A lowering waits for one decision, by a supervisor other than the screener (the two-person rule). */
    static ProblemException decideLowering(RiskScreening s, String decider) {
        if (s.lowering != RiskScreening.Lowering.PENDING) {
            return ProblemException.conflict("risk.screening.no-pending-lowering", s.id);
        }
        return s.screenedBy.equals(decider) ? ProblemException.forbidden("risk.forbidden.own-screening") : null;
    }

    /**
     * A supervisor joins only a live call with the person of an open case whose counsellor's phone is known,
     * from a phone of their own.
     */
    static ProblemException superviseCall(RiskCase c, boolean joinableCall, String supervisorExtension) {
        ProblemException closed = open(c);
        if (closed != null) {
            return closed;
        }
        if (!joinableCall) {
            return ProblemException.conflict("risk.supervise.no-live-call", c.id);
        }
        return supervisorExtension == null ? ProblemException.conflict("risk.supervise.no-extension") : null;
    }

    static void require(ProblemException refusal) {
        if (refusal != null) {
            throw refusal;
        }
    }

    /**
     * Everything {@code actor} may do now with the case, given its referrals, its follow-ups, its screenings
     * and whether its person is on a live call a supervisor can join: the actions the gate would let the
     * account take, which the case's state does not refuse.
     */
    static List<Allowed> allowed(Actor actor, RiskCase c, List<Referral> referrals, List<FollowUp.Status> followUps,
                                 List<Long> followUpIds, List<RiskScreening> screenings, boolean joinableCall) {
        Set<Basis> grounds = RiskRules.grounds(actor, RecordFacts.ofCase(c), false, false);
        Set<RiskAction> permitted = EnumSet.noneOf(RiskAction.class);
        OFFERED.stream().filter(a -> RiskRules.chosen(a, grounds) != null).forEach(permitted::add);
        long unconfirmed = referrals.stream().filter(r -> r.outcome == null).count();
        long openFollowUps = followUps.stream().filter(s -> s == FollowUp.Status.OPEN).count();
        List<Allowed> allowed = new ArrayList<>();
        for (RiskAction action : OFFERED) {
            if (!permitted.contains(action)) {
                continue;
            }
            switch (action) {
                case ACKNOWLEDGE -> add(allowed, action, null, acknowledge(c));
                case SUPERVISE_CALL -> add(allowed, action, null, superviseCall(c, joinableCall, actor.extension()));
                case REFER, ESCALATE -> add(allowed, action, null, open(c));
                case CLOSE -> add(allowed, action, null, close(c, unconfirmed, openFollowUps));
                case CONFIRM_OUTCOME -> referrals.forEach(r -> add(allowed, action, r.id, confirmOutcome(r)));
                case DECIDE_LOWERING -> screenings.forEach(s -> add(allowed, action, s.id,
                        decideLowering(s, actor.username())));
                case WRITE_FOLLOW_UPS -> {
                    for (int i = 0; i < followUpIds.size(); i++) {
                        add(allowed, action, followUpIds.get(i), attempt(followUps.get(i), followUpIds.get(i)));
                    }
                }
                default -> throw new IllegalStateException("not offered: " + action);
            }
        }
        return List.copyOf(allowed);
    }

    private static void add(List<Allowed> allowed, RiskAction action, Long target, ProblemException refusal) {
        if (refusal == null) {
            allowed.add(new Allowed(action, target));
        }
    }
}
