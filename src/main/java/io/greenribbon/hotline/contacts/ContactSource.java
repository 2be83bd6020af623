package io.greenribbon.hotline.contacts;

/** How the service learnt of a call. */
public enum ContactSource {
    /** The route script decided the call. */
    ROUTE,
    /** The dialplan went on without the service's decision; the queue events told of the call. */
    FAIL_OPEN,
    /** The service was down; Asterisk's call detail records told of the call afterwards. */
    RECOVERED
}
