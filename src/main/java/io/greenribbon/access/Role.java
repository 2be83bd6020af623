package io.greenribbon.access;

/** The realm roles of {@code greenribbon-realm.json}. */
public final class Role {

    public static final String HOTLINE_COUNSELLOR = "hotline-counsellor";
    public static final String ROOM_STAFF = "room-staff";
    public static final String RISK_SUPERVISOR = "risk-supervisor";
    public static final String HEALTH_OFFICIAL = "health-official";
    public static final String ADMIN = "admin";

    /** Every role greenribbon knows; tokens also carry Keycloak's own (such as offline_access). */
    public static final java.util.Set<String> ALL =
            java.util.Set.of(HOTLINE_COUNSELLOR, ROOM_STAFF, RISK_SUPERVISOR, HEALTH_OFFICIAL, ADMIN);

    private Role() {
    }
}
