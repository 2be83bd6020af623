package io.greenribbon.telephony;

/** A queue member's device state, as app_queue numbers it in {@code Status:}. */
public enum MemberStatus {
    UNKNOWN, NOT_IN_USE, IN_USE, BUSY, INVALID, UNAVAILABLE, RINGING, RING_IN_USE, ON_HOLD;

    public static MemberStatus of(int code) {
        return code >= 0 && code < values().length ? values()[code] : UNKNOWN;
    }

    public int code() {
        return ordinal();
    }

    /** Whether the phone can take a call now. */
    public boolean free() {
        return this == NOT_IN_USE;
    }
}
