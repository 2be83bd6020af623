package io.greenribbon.access;

import java.util.Set;

import static io.greenribbon.access.Role.ADMIN;
import static io.greenribbon.access.Role.HEALTH_OFFICIAL;
import static io.greenribbon.access.Role.HOTLINE_COUNSELLOR;
import static io.greenribbon.access.Role.RISK_SUPERVISOR;
import static io.greenribbon.access.Role.ROOM_STAFF;

/**
 * What an endpoint needs, and which roles hold it: the one table of role rules. Every {@code /api}
 * method names one permission with {@link Requires}; jurisdiction (which records of a permitted kind an
 * account may touch) is decided by {@link AccessDecision}.
 */
public enum Permission {
    /** Read one's own account. */
    OWN_ACCOUNT(HOTLINE_COUNSELLOR, ROOM_STAFF, RISK_SUPERVISOR, HEALTH_OFFICIAL, ADMIN),
    /** Read the administrative tree within one's jurisdiction. */
    DIVISIONS_READ(HOTLINE_COUNSELLOR, ROOM_STAFF, RISK_SUPERVISOR, HEALTH_OFFICIAL, ADMIN),
    /** Read the access log of risk data within one's jurisdiction. */
    AUDIT_READ(RISK_SUPERVISOR, HEALTH_OFFICIAL),
    /** Recompute the audit log's hash chain. */
    AUDIT_VERIFY(RISK_SUPERVISOR, HEALTH_OFFICIAL, ADMIN),
    /** Screen for suicide risk (C-SSRS) in a contact or session. */
    RISK_SCREEN(HOTLINE_COUNSELLOR, RISK_SUPERVISOR),
    /** Read risk cases (one's assigned ones; a supervisor's jurisdiction's), their safety plans and follow-ups. */
    RISK_CASE_READ(HOTLINE_COUNSELLOR, RISK_SUPERVISOR),
    /** Care for a case: emergency referral and its outcome, escalation, safety plan, follow-ups, unmasking requests. */
    RISK_CASE_CARE(HOTLINE_COUNSELLOR, RISK_SUPERVISOR),
    /** Supervise cases: acknowledge, close, approve lowerings and unmaskings, review break-the-glass. */
    RISK_CASE_SUPERVISE(RISK_SUPERVISOR),
    /** Break the glass to a case's safety plan on a live call. */
    RISK_BREAK_GLASS(HOTLINE_COUNSELLOR),
    /** See who is on risk duty. */
    RISK_DUTY_READ(HOTLINE_COUNSELLOR, RISK_SUPERVISOR, ADMIN),
    /** Put people on risk duty and end duties, within one's jurisdiction. */
    RISK_DUTY_MANAGE(RISK_SUPERVISOR, ADMIN);

    private final Set<String> roles;

    Permission(String... roles) {
        this.roles = Set.of(roles);
    }

    public Set<String> roles() {
        return roles;
    }

    public boolean grantedToAny(Set<String> actorRoles) {
        return actorRoles.stream().anyMatch(roles::contains);
    }
}
