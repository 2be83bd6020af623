package io.greenribbon.telephony;

/** The caller hung up while the session was running. A normal end of a session, not an error. */
public class CallHungUpException extends CallSessionException {

    public CallHungUpException(String uniqueId) {
        super("Caller hung up on " + uniqueId);
    }
}
