package io.greenribbon.telephony;

/** A FastAGI command could not be completed (the connection to Asterisk failed or Asterisk refused it). */
public class CallSessionException extends RuntimeException {

    public CallSessionException(String message) {
        super(message);
    }

    public CallSessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
