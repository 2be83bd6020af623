package io.greenribbon.telephony;

/**
 * Thrown by an {@link AgiRoute} that will not decide this call (an unknown line, bad arguments). The
 * session ends without setting any routing variable, {@code AJ_AGISTATUS} becomes {@code FAILED}, and the
 * dialplan falls back to the line's defaults: the caller still reaches a human.
 */
public class CallRefusedException extends RuntimeException {

    public CallRefusedException(String reason) {
        super(reason, null, false, false);
    }
}
