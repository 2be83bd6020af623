package io.greenribbon.telephony;

/** Asterisk answered a command with {@code Response: Error}; {@link #getMessage()} is Asterisk's message. */
public class PbxCommandRejected extends RuntimeException {

    private final String action;

    public PbxCommandRejected(String action, String message) {
        super(message, null, false, false);
        this.action = action;
    }

    /** The AMI action that was refused, e.g. {@code QueuePause}. */
    public String action() {
        return action;
    }
}
