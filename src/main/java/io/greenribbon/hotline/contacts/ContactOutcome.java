package io.greenribbon.hotline.contacts;

/** How a call ended for the caller. */
public enum ContactOutcome {
    /** A counsellor talked with the caller. */
    ANSWERED,
    /** The caller hung up before anyone answered. */
    ABANDONED,
    /** The caller hung up within the short-abandon time (misdial, second thoughts); reported apart. */
    SHORT_ABANDON,
    /** A counsellor answered and passed the caller on (a supervisor, emergency services). */
    TRANSFERRED,
    /** No counsellor of the city answered; the provincial backup line took the call. */
    BACKUP,
    /** The call ended without an answer and without the caller hanging up first (every tier failed). */
    UNANSWERED
}
