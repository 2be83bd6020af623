package io.greenribbon.hotline.callbacks;

public enum CallbackStatus {
    /** Waiting for a counsellor to call. */
    OPEN,
    /** A counsellor's phone is calling now. */
    DIALLING,
    /** The caller was reached. */
    REACHED
}
