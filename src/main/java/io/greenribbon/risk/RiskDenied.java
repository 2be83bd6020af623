package io.greenribbon.risk;

import io.greenribbon.problem.ProblemException;

/**
 * A refusal by the access-decision point. Thrown inside the transaction (which then rolls back), audited
 * by the gate in a transaction of its own, and answered as 404 when the account has no ground at all for
 * the record (its existence stays hidden) or 403 when it has one that does not cover the action.
 */
final class RiskDenied extends RuntimeException {

    final RecordFacts facts;
    final boolean hide;
    final String reason;

    RiskDenied(RecordFacts facts, boolean hide, String reason) {
        super(reason, null, false, false);
        this.facts = facts;
        this.hide = hide;
        this.reason = reason;
    }

    ProblemException toProblem() {
        if (hide) {
            return ProblemException.notFound("risk.record.not-found", facts.id());
        }
        return ProblemException.forbidden("risk.forbidden." + reason);
    }
}
