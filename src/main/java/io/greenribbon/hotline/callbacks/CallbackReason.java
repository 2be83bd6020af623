package io.greenribbon.hotline.callbacks;

public enum CallbackReason {
    /** The caller hung up before anyone answered. */
    ABANDONED,
    /** Nobody answered, not even the backup line. */
    UNANSWERED,
    /** The counsellor asked for it in the contact form. */
    REQUESTED
}
