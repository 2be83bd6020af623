package io.greenribbon.hotline.contacts;

/** Whether the call is still going on. */
public enum ContactStatus {
    OPEN, CLOSED
}
