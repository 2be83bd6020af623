package io.greenribbon.telephony;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One FastAGI session: Asterisk asks the service what to do with a call while the caller waits.
 *
 * <p>Every method blocks: it runs on one of Asterisk-Java's AGI pool threads, and each command is one
 * round trip to Asterisk. Commands may only be sent from the thread that runs the session. Never call
 * these methods from a Vert.x event loop; reach the database from here with
 * {@code VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(...))}.
 *
 * <p>When the caller hangs up, a command throws {@link CallHungUpException}. The server treats it as a
 * normal end of the session; a route need not catch it unless it wants to record something first.
 */
public interface CallSession {

    /** The script Asterisk asked for: the path of the {@code agi://} URL, e.g. {@code route}. */
    String script();

    /** The Uniqueid of the caller's channel: the key of the call in every AMI event. */
    String uniqueId();

    /**
     * When the caller's channel was created, by the PBX's clock (the clock of every {@link PbxEvent}): the
     * epoch seconds of its Uniqueid ({@code [systemname-]<epoch>.<sequence>}), so to the second. Empty when
     * the Uniqueid has another form (a channel id an Originate chose).
     */
    default Optional<Instant> channelCreatedAt() {
        String id = uniqueId();
        if (id == null) {
            return Optional.empty();
        }
        String epoch = id.substring(id.lastIndexOf('-') + 1);
        int dot = epoch.indexOf('.');
        if (dot <= 0 || !epoch.substring(0, dot).chars().allMatch(Character::isDigit)
                || !epoch.substring(dot + 1).chars().allMatch(Character::isDigit) || dot > 12) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(Long.parseLong(epoch.substring(0, dot))));
    }

    /** The caller's channel name, e.g. {@code PJSIP/trunk-0000002a}. */
    String channel();

    /** The number the caller dialled (DNID), e.g. a county line or {@code 12356}; empty if unknown. */
    String dialledNumber();

    /**
     * The caller's own number as the carrier presented it. It is the ORIGINAL number: Asterisk keeps it
     * on the caller's channel through queues and transfers. Empty when the caller withheld it.
     */
    Optional<String> callerNumber();

    /** The redirecting number (RDNIS) of a forwarded call, e.g. the 12356 platform; empty if none. */
    Optional<String> redirectingNumber();

    /** The arguments after the script name, in order ({@code agi_arg_1}, {@code agi_arg_2}, ...). */
    List<String> args();

    /**
     * Plays {@code sound} (a sound file name without extension) to its end; keys do not interrupt it.
     *
     * @return false when Asterisk could not play it (no such file)
     * @throws CallHungUpException when the caller hangs up meanwhile
     */
    boolean play(String sound);

    /**
     * Plays {@code prompt} (a sound file name without extension) and waits for one key.
     *
     * @return the key pressed, or empty when the caller pressed nothing within {@code timeout}
     * @throws CallHungUpException when the caller hangs up meanwhile
     */
    Optional<Character> askDigit(String prompt, Duration timeout);

    /** Sets a channel variable for the rest of this channel's dialplan. */
    void setVariable(String name, String value);

    /**
     * Sets several variables in one round trip to Asterisk (the caller waits in silence meanwhile; a
     * decision usually sets half a dozen). A name starting with {@code __} is inherited by every channel
     * created from this one, as with {@link #setInheritedVariable}. Values may not contain a comma, a quote
     * or a backslash (names of queues, numbers and ids never do); otherwise, or if Asterisk lacks MSet,
     * the variables are set one by one.
     */
    void setVariables(Map<String, String> variables);

    /**
     * Sets a variable that every channel created from this one inherits (Asterisk's {@code __} prefix), so
     * it survives queues, dials and transfers. {@code name} is given without the prefix.
     */
    void setInheritedVariable(String name, String value);

    /** True once Asterisk has told this session that the caller hung up. Does not block. */
    boolean hungUp();
}
