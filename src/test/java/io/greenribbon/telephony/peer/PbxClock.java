package io.greenribbon.telephony.peer;

import java.time.Duration;
import java.time.Instant;

/**
 * The peer's clock. It runs {@code speed} times faster than real time, so a scenario with 15 s of ringing
 * and 30 s of talk takes a fraction of that in a test, while every time Asterisk reports (Timestamp,
 * HoldTime, TalkTime, CDR times, Uniqueid epochs) stays consistent with itself.
 */
public final class PbxClock {

    private final double speed;
    private final long realStart = System.nanoTime();
    private final long virtualStartMicros;

    public PbxClock(double speed, Instant start) {
        if (speed <= 0) {
            throw new IllegalArgumentException("speed must be positive");
        }
        this.speed = speed;
        this.virtualStartMicros = start.getEpochSecond() * 1_000_000L + start.getNano() / 1_000;
    }

    public static PbxClock realTime() {
        return new PbxClock(1.0, Instant.now());
    }

    public double speed() {
        return speed;
    }

    /** Microseconds since the epoch, PBX time. */
    public long nowMicros() {
        return virtualStartMicros + (long) ((System.nanoTime() - realStart) / 1_000.0 * speed);
    }

    public Instant now() {
        long micros = nowMicros();
        return Instant.ofEpochSecond(micros / 1_000_000L, (micros % 1_000_000L) * 1_000L);
    }

    public long epochSeconds() {
        return nowMicros() / 1_000_000L;
    }

    /** Real nanoseconds for a span of PBX time. */
    public long realNanos(Duration pbxTime) {
        return (long) (pbxTime.toNanos() / speed);
    }

    /** PBX time for a span of real time. */
    public Duration pbxTime(Duration real) {
        return Duration.ofNanos((long) (real.toNanos() * speed));
    }

    /** Asterisk's {@code Timestamp:} format: epoch seconds with six decimals. */
    public static String timestamp(long micros) {
        return (micros / 1_000_000L) + "." + String.format("%06d", micros % 1_000_000L);
    }
}
