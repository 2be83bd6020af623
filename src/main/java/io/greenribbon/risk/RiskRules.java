package io.greenribbon.risk;

import io.greenribbon.access.Actor;
import io.greenribbon.access.Role;

import java.util.EnumSet;
import java.util.Set;

/**
 * The rules of the access-decision point: from the account's role, its division, the record's assignment
 * and the purpose at hand, the ground on which the account may touch a record, if any. Pure: the
 * {@link RiskGate} supplies the facts and enforces the answer.
 */
final class RiskRules {

    private RiskRules() {
    }

    /**
     * Every ground the account has for the record; empty when it has none (then the record's existence is
     * not revealed either).
     *
     * @param breakGlass whether the account holds an active break-the-glass access to the record's case
     * @param liveCall   whether the account is on a live call with the person of the record's case
     */
    static Set<Basis> grounds(Actor actor, RecordFacts facts, boolean breakGlass, boolean liveCall) {
        Set<Basis> grounds = EnumSet.noneOf(Basis.class);
        if (!facts.exists()) {
            return grounds;
        }
        if (facts.assignedCounsellor() != null && facts.assignedCounsellor().equals(actor.username())
                && (actor.hasRole(Role.HOTLINE_COUNSELLOR) || actor.hasRole(Role.RISK_SUPERVISOR))) {
            grounds.add(Basis.ASSIGNED);
        }
        if (facts.owner() != null && facts.owner().equals(actor.username())) {
            grounds.add(Basis.OWNER);
        }
        if (actor.hasRole(Role.RISK_SUPERVISOR) && actor.governs(facts.division())) {
            grounds.add(Basis.SUPERVISION);
        }
        if (breakGlass && actor.hasRole(Role.HOTLINE_COUNSELLOR)) {
            grounds.add(Basis.BREAK_GLASS);
        }
        if (liveCall && actor.hasRole(Role.HOTLINE_COUNSELLOR)) {
            grounds.add(Basis.LIVE_CALL);
        }
        return grounds;
    }

    /** The ground an action is taken on: the first of the account's grounds the action allows, or null. */
    static Basis chosen(RiskAction action, Set<Basis> grounds) {
        return grounds.stream().filter(action::allows).findFirst().orElse(null);
    }

    /** The rows an account sees wholesale under row-level security: a supervisor's jurisdiction, or none. */
    static String scopeOf(Actor actor) {
        return actor.hasRole(Role.RISK_SUPERVISOR) && actor.division() != null
                ? actor.division() : io.greenribbon.audit.RowSecurity.NONE;
    }

    /**
     * The grounds on which an account reads lists of its jurisdiction: supervision (risk supervisors),
     * oversight (health officials); empty for the others, whose lists hold only their own records.
     */
    static Set<Basis> wholesale(Actor actor) {
        Set<Basis> grounds = EnumSet.noneOf(Basis.class);
        if (actor.division() == null) {
            return grounds;
        }
        if (actor.hasRole(Role.RISK_SUPERVISOR)) {
            grounds.add(Basis.SUPERVISION);
        }
        if (actor.hasRole(Role.HEALTH_OFFICIAL)) {
            grounds.add(Basis.OVERSIGHT);
        }
        return grounds;
    }

    /** The rows a list sees under row-level security, once decided on {@code basis}. */
    static String listScopeOf(Actor actor, Basis basis) {
        return basis == Basis.SUPERVISION || basis == Basis.OVERSIGHT ? actor.division() : scopeOf(actor);
    }
}
