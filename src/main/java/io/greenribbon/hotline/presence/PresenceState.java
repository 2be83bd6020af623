package io.greenribbon.hotline.presence;

/** Where a counsellor stands on the line. */
public enum PresenceState {
    /** Not signed in: in no queue. */
    OFFLINE,
    /** Signed in and ringing for calls. */
    AVAILABLE,
    /** Signed in, not ringing, for a stated reason (a break, a missed call, the end of a shift). */
    PAUSED,
    /** After a call, until the contact form is saved or the wrap-up time runs out. */
    WRAP_UP
}
