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
    AUDIT_VERIFY(RISK_SUPERVISOR, HEALTH_OFFICIAL, ADMIN);

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
