package io.greenribbon.risk;

/**
 * What the access decision needs to know of a risk record: its type and id, the division it belongs to,
 * the counsellor its case is assigned to, the account that owns it (a request's requester), its case and
 * that case's caller key.
 * Null fields do not apply.
 */
record RecordFacts(String type, Object id, String division, String assignedCounsellor, String owner, Long caseId,
                   String callerKey) {

    static RecordFacts ofCase(RiskCase c) {
        return new RecordFacts("risk_case", c.id, c.division, c.assignedCounsellor, null, c.id, c.callerKey);
    }

    /** A record that was not found (or is not visible): only its id is known. */
    static RecordFacts missing(String type, Object id) {
        return new RecordFacts(type, id, null, null, null, null, null);
    }

    boolean exists() {
        return division != null;
    }
}
