package io.greenribbon.risk;

import java.util.EnumSet;
import java.util.Set;

import static io.greenribbon.risk.Basis.ASSIGNED;
import static io.greenribbon.risk.Basis.BREAK_GLASS;
import static io.greenribbon.risk.Basis.LIVE_CALL;
import static io.greenribbon.risk.Basis.OVERSIGHT;
import static io.greenribbon.risk.Basis.OWNER;
import static io.greenribbon.risk.Basis.SUPERVISION;

/**
 * Every read and write of risk data, with the grounds on which it is allowed (the one table of the
 * access-decision point, {@link RiskGate}) and the name it has in the audit log.
 */
public enum RiskAction {
    LIST_CASES("risk.case.list", "risk_case", false, ASSIGNED, SUPERVISION),
    READ_CASE("risk.case.read", "risk_case", false, ASSIGNED, SUPERVISION),
    SCREEN("risk.screening.create", "risk_screening", true, ASSIGNED, SUPERVISION, LIVE_CALL),
    DECIDE_LOWERING("risk.screening.decide-lowering", "risk_screening", true, SUPERVISION),
    ACKNOWLEDGE("risk.case.acknowledge", "risk_case", true, SUPERVISION),
    ESCALATE("risk.case.escalate", "risk_case", true, ASSIGNED, SUPERVISION),
    REFER("risk.case.emergency-referral", "risk_case", true, ASSIGNED, SUPERVISION),
    CONFIRM_OUTCOME("risk.case.confirm-outcome", "risk_case", true, ASSIGNED, SUPERVISION),
    CLOSE("risk.case.close", "risk_case", true, SUPERVISION),
    JOIN_CALL("risk.case.join-call", "risk_case", false, ASSIGNED),
    /** A supervisor rings their own phone into the live call of a case's person: listen, whisper or barge. */
    SUPERVISE_CALL("risk.case.supervise-call", "risk_case", false, SUPERVISION),
    READ_SAFETY_PLAN("risk.safety-plan.read", "risk_safety_plan", false, ASSIGNED, SUPERVISION, BREAK_GLASS),
    WRITE_SAFETY_PLAN("risk.safety-plan.write", "risk_safety_plan", true, ASSIGNED, SUPERVISION),
    READ_FOLLOW_UPS("risk.follow-up.read", "risk_follow_up", false, ASSIGNED, SUPERVISION),
    WRITE_FOLLOW_UPS("risk.follow-up.write", "risk_follow_up", true, ASSIGNED, SUPERVISION),
    BREAK_THE_GLASS("risk.case.break-glass", "risk_case", true, LIVE_CALL),
    CALLER_PANEL("risk.case.caller-panel", "risk_case", false, ASSIGNED, SUPERVISION, BREAK_GLASS, LIVE_CALL),
    /** The break-the-glass register: supervisors review it; health officials oversee it (without the reasons). */
    LIST_BREAK_GLASS("risk.break-glass.list", "risk_break_glass", false, SUPERVISION, OVERSIGHT),
    REVIEW_BREAK_GLASS("risk.break-glass.review", "risk_break_glass", true, SUPERVISION),
    REQUEST_UNMASK("risk.unmask.request", "risk_case", true, ASSIGNED, SUPERVISION),
    LIST_UNMASK("risk.unmask.list", "risk_unmask_request", false, SUPERVISION, OWNER),
    DECIDE_UNMASK("risk.unmask.decide", "risk_unmask_request", true, SUPERVISION),
    DISCLOSE_NUMBER("risk.unmask.disclose", "risk_unmask_request", true, OWNER),
    /** Counts of a jurisdiction's risk data for oversight: aggregates only, never a record. */
    FIGURES("risk.figures.read", "risk_case", false, OVERSIGHT);

    private final String auditAction;
    private final String recordType;
    private final boolean writes;
    private final Set<Basis> allowed;

    RiskAction(String auditAction, String recordType, boolean writes, Basis first, Basis... more) {
        this.auditAction = auditAction;
        this.recordType = recordType;
        this.writes = writes;
        this.allowed = EnumSet.of(first, more);
    }

    public String auditAction() {
        return auditAction;
    }

    public String recordType() {
        return recordType;
    }

    /** Whether the action changes the record (the gate then locks it for the transaction). */
    public boolean writes() {
        return writes;
    }

    public boolean allows(Basis basis) {
        return allowed.contains(basis);
    }
}
