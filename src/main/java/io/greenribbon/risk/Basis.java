package io.greenribbon.risk;

/** On what ground an account may touch a risk record; recorded as the purpose of every access. */
public enum Basis {
    /** The case is assigned to the account (or the record is of such a case): care. */
    ASSIGNED("CARE"),
    /** The account is a risk supervisor whose jurisdiction covers the record's division. */
    SUPERVISION("SUPERVISION"),
    /**
     * The account is a health official whose jurisdiction covers the record: oversight of how restricted
     * records are used (states and who acted, never the free text written about a person).
     */
    OVERSIGHT("OVERSIGHT"),
    /** An active break-the-glass access of the account to the case: emergency care on a live call. */
    BREAK_GLASS("EMERGENCY_ACCESS"),
    /** The record is the account's own request (an unmasking it asked for). */
    OWNER("OWN_REQUEST"),
    /** A counsellor on a live call with the person of the case. */
    LIVE_CALL("LIVE_CALL"),
    /** The service itself (deadline sweeps, routing). */
    SYSTEM("ESCALATION");

    private final String purpose;

    Basis(String purpose) {
        this.purpose = purpose;
    }

    public String purpose() {
        return purpose;
    }
}
