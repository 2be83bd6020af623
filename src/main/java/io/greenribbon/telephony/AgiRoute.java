package io.greenribbon.telephony;

/**
 * A FastAGI script the service offers, as a CDI bean. The FastAGI server maps the script name of each
 * request ({@code agi://host:4573/<script>}) to the bean whose {@link #script()} equals it; a request for
 * any other name is refused and logged, and the dialplan falls back.
 *
 * <p>One instance serves every call at once, from many threads: keep it stateless.
 */
public interface AgiRoute {

    /** The script name this route answers, e.g. {@code route}. Unique among all routes. */
    String script();

    /**
     * Handles one call and returns; the session ends when this method returns. Set the channel variables
     * the dialplan reads, then return quickly: the caller is waiting in silence.
     *
     * <p>To refuse the call (unknown line, bad arguments), throw {@link CallRefusedException}: the session
     * ends without a decision and the dialplan falls back to the line's defaults. Any other exception does
     * the same, logged as an error. A {@link CallHungUpException} is a normal end.
     */
    void handle(CallSession call);
}
