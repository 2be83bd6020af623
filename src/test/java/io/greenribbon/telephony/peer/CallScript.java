package io.greenribbon.telephony.peer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a simulated caller does: who calls which line, which keys they press, and when they hang up.
 * Times are PBX time (the peer's clock).
 */
public final class CallScript {

    /** A key pressed at a fixed time after the call was answered. */
    public record TimedKey(Duration afterAnswer, char digit, boolean sipInfo) {
    }

    String from = "";
    String callerName = "";
    String to;
    String redirecting = "";
    String trunk;
    final List<Character> promptKeys = new ArrayList<>();
    Duration keyDelay = Duration.ofMillis(800);
    final List<TimedKey> timedKeys = new ArrayList<>();
    Duration hangUpAfter;
    Duration hangUpWhileReading;
    Duration hangUpAfterAgiStart;
    Duration waitsInQueueFor;
    Duration talksFor;

    private CallScript() {
    }

    /** A call from {@code callerNumber} (empty: withheld) to the dialled line {@code dialled}. */
    public static CallScript from(String callerNumber) {
        CallScript s = new CallScript();
        s.from = callerNumber == null ? "" : callerNumber;
        return s;
    }

    public CallScript to(String dialled) {
        this.to = dialled;
        return this;
    }

    /** The forwarding number (RDNIS), e.g. when 12356 forwarded the call. */
    public CallScript forwardedBy(String redirecting) {
        this.redirecting = redirecting;
        return this;
    }

    /** The trunk endpoint the call arrives on (default: the first endpoint whose context has the line). */
    public CallScript onTrunk(String endpoint) {
        this.trunk = endpoint;
        return this;
    }

    /** Answers the prompts that read keys, in order: one key per prompt, {@link #keyDelay} after it starts. */
    public CallScript presses(String keys) {
        keys.chars().forEach(k -> promptKeys.add((char) k));
        return this;
    }

    public CallScript keyDelay(Duration delay) {
        this.keyDelay = delay;
        return this;
    }

    /** Presses a key at a fixed time after the call was answered (RFC 4733, or SIP INFO). */
    public CallScript pressesAt(Duration afterAnswer, char digit, boolean sipInfo) {
        timedKeys.add(new TimedKey(afterAnswer, digit, sipInfo));
        return this;
    }

    /** Hangs up this long after dialling, whatever happens. */
    public CallScript hangsUpAfter(Duration sinceStart) {
        this.hangUpAfter = sinceStart;
        return this;
    }

    /** Hangs up this long after a FastAGI command starts reading keys (hang-up during a command). */
    public CallScript hangsUpWhileReading(Duration after) {
        this.hangUpWhileReading = after;
        return this;
    }

    /** Hangs up this long after the FastAGI session started (the service may be idle then). */
    public CallScript hangsUpAfterAgiStart(Duration after) {
        this.hangUpAfterAgiStart = after;
        return this;
    }

    /** Gives up (abandons) after waiting this long in a queue. */
    public CallScript waitsInQueueFor(Duration wait) {
        this.waitsInQueueFor = wait;
        return this;
    }

    /** Hangs up after talking this long to whoever answered (counsellor, supervisor, backup line). */
    public CallScript talksFor(Duration talk) {
        this.talksFor = talk;
        return this;
    }

    public CallScript callerName(String name) {
        this.callerName = name;
        return this;
    }
}
