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
    /** Read pool members (people, not counts: officials get counts from oversight) within one's reach. */
    COUNSELLORS_READ(HOTLINE_COUNSELLOR, ROOM_STAFF, RISK_SUPERVISOR, ADMIN),
    /** Add, change and import pool members of one's own jurisdiction. */
    COUNSELLORS_MANAGE(ADMIN),
    /** List the credentials running out in one's jurisdiction. */
    CREDENTIALS_EXPIRING_READ(ADMIN),
    /** A counsellor's calendar: one's own, or (supervisors, admins) those in one's jurisdiction. */
    COUNSELLOR_CALENDAR_READ(HOTLINE_COUNSELLOR, RISK_SUPERVISOR, ADMIN),
    /** Read the shifts of the lines within one's reach. */
    ROSTER_READ(HOTLINE_COUNSELLOR, RISK_SUPERVISOR, ADMIN),
    /** Plan shifts, patterns and minimum staffing of the lines in one's jurisdiction; swap and cancel. */
    ROSTER_MANAGE(ADMIN),
    /** The hours below minimum staffing (counts, no people) of the lines in one's jurisdiction. */
    ROSTER_COVERAGE_READ(RISK_SUPERVISOR, HEALTH_OFFICIAL, ADMIN),
    /** Read the counselling rooms of one's jurisdiction, their hours and free slots. */
    ROOMS_READ(HOTLINE_COUNSELLOR, ROOM_STAFF, RISK_SUPERVISOR, HEALTH_OFFICIAL, ADMIN),
    /** Create rooms and import them from CSV (within one's jurisdiction). */
    ROOMS_ADMINISTER(ADMIN),
    /** Change a room one keeps (room staff: the rooms they are listed for; admins: their jurisdiction's). */
    ROOMS_EDIT(ROOM_STAFF, ADMIN),
    /** Read bookings: of the rooms one keeps, or one's own sessions as a counsellor. */
    BOOKINGS_READ(HOTLINE_COUNSELLOR, ROOM_STAFF, RISK_SUPERVISOR, ADMIN),
    /** Book, move, check in, complete, mark no-show and cancel sessions in the rooms one keeps. */
    BOOKINGS_WRITE(ROOM_STAFF, ADMIN),
    /** Register pseudonymous room clients and find them by their code. */
    CLIENTS_REGISTER(ROOM_STAFF, ADMIN),
    /** Open a room client's contact details (one record at a time; never in lists). */
    CLIENTS_CONTACT_READ(ROOM_STAFF, ADMIN),
    /** Sign in to the aid line with one's phone and change one's own presence. */
    HOTLINE_PRESENCE(HOTLINE_COUNSELLOR, RISK_SUPERVISOR),
    /** Let a counsellor of one's jurisdiction take calls outside the roster, for a limited time. */
    HOTLINE_PRESENCE_OVERRIDE(RISK_SUPERVISOR),
    /** Read hotline contacts: one's own, or (supervisors) those of one's jurisdiction. */
    HOTLINE_CONTACTS_READ(HOTLINE_COUNSELLOR, RISK_SUPERVISOR),
    /** Fill in the record of a contact one took, or (supervisors) of one's jurisdiction. */
    HOTLINE_CONTACTS_WRITE(HOTLINE_COUNSELLOR, RISK_SUPERVISOR),
    /** See the callers to call back in one's jurisdiction, and call them from one's phone. */
    HOTLINE_CALLBACKS(HOTLINE_COUNSELLOR, RISK_SUPERVISOR),
    /** The wallboard of one's jurisdiction: aggregate figures and counts, never caller identities. */
    HOTLINE_WALLBOARD(HOTLINE_COUNSELLOR, RISK_SUPERVISOR, HEALTH_OFFICIAL, ADMIN),
    /** Read the configuration of the lines in one's jurisdiction. */
    HOTLINE_LINES_READ(HOTLINE_COUNSELLOR, RISK_SUPERVISOR, HEALTH_OFFICIAL, ADMIN),
    /** Configure the lines of one's jurisdiction. */
    HOTLINE_LINES_MANAGE(ADMIN),
    /** Read the access log of risk data within one's jurisdiction. */
    AUDIT_READ(RISK_SUPERVISOR, HEALTH_OFFICIAL),
    /**
     * Oversight figures and reports of one's jurisdiction (hotline, risk, rooms, workforce): counts and rates,
     * small counts below county level hidden, never a person.
     */
    OVERSIGHT_READ(HEALTH_OFFICIAL),
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
