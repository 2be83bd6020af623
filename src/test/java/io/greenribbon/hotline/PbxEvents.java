package io.greenribbon.hotline;

import io.greenribbon.telephony.MemberStatus;
import io.greenribbon.telephony.PbxEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The PBX's events of one call, as the telephony adapter translates them, at times the test chooses. */
public final class PbxEvents {

    private final String uid;
    private final Instant start;

    public PbxEvents(String uid, Instant start) {
        this.uid = uid;
        this.start = start;
    }

    public String uniqueId() {
        return uid;
    }

    public Instant at(double seconds) {
        return start.plusMillis((long) (seconds * 1000));
    }

    public PbxEvent.CallerJoinedQueue joined(double t, String queue) {
        return new PbxEvent.CallerJoinedQueue(at(t), uid, uid, "PJSIP/carrier-00000001", queue, 1, 1);
    }

    public PbxEvent.CallerLeftQueue left(double t, String queue) {
        return new PbxEvent.CallerLeftQueue(at(t), uid, uid, queue, 1, 0);
    }

    public PbxEvent.MemberRinging ringing(double t, String queue, String ext, String username) {
        return new PbxEvent.MemberRinging(at(t), uid, uid, queue, "PJSIP/" + ext, username, "PJSIP/" + ext + "-0000000a",
                uid + "1");
    }

    public PbxEvent.MemberRingNoAnswer noAnswer(double t, String queue, String ext, String username, double ring) {
        return new PbxEvent.MemberRingNoAnswer(at(t), uid, uid, queue, "PJSIP/" + ext, username,
                "PJSIP/" + ext + "-0000000a", Duration.ofMillis((long) (ring * 1000)));
    }

    public PbxEvent.MemberPauseChanged autoPaused(double t, String queue, String ext, String username) {
        return new PbxEvent.MemberPauseChanged(at(t), queue, "PJSIP/" + ext, username, true, "Auto-Pause");
    }

    public PbxEvent.MemberConnected connected(double t, String queue, String ext, String username, long hold, long ring) {
        return new PbxEvent.MemberConnected(at(t), uid, uid, queue, "PJSIP/" + ext, username, "PJSIP/" + ext + "-0000000a",
                uid + "1", Duration.ofSeconds(hold), Duration.ofSeconds(ring));
    }

    public PbxEvent.MemberCompleted completed(double t, String queue, String ext, String username, long talk,
                                              PbxEvent.CompletionReason reason) {
        return new PbxEvent.MemberCompleted(at(t), uid, uid, queue, "PJSIP/" + ext, username, "PJSIP/" + ext + "-0000000a",
                Duration.ofSeconds(3), Duration.ofSeconds(talk), reason);
    }

    public PbxEvent.CallerAbandoned abandoned(double t, String queue, long hold) {
        return new PbxEvent.CallerAbandoned(at(t), uid, uid, queue, 1, 1, Duration.ofSeconds(hold));
    }

    public PbxEvent.DialStarted dial(double t, String dialString) {
        return new PbxEvent.DialStarted(at(t), uid, uid, dialString + "-0000000b", uid + "2", dialString);
    }

    public PbxEvent.DialResult dialResult(double t, String destChannel, String status) {
        return new PbxEvent.DialResult(at(t), uid, uid, destChannel, uid + "2", status);
    }

    public PbxEvent.ChannelHungUp hungUp(double t) {
        return new PbxEvent.ChannelHungUp(at(t), uid, uid, "PJSIP/carrier-00000001", 16, "Normal Clearing");
    }

    public PbxEvent.CdrRecorded cdr(double t, String source) {
        return new PbxEvent.CdrRecorded(at(t), uid, source, "s", "PJSIP/carrier-00000001", "", "Queue", "hl-130105",
                start, Optional.of(start), at(t), Duration.ofSeconds((long) t), Duration.ofSeconds((long) t), "ANSWERED");
    }

    public static PbxEvent.MemberStatusChanged status(String queue, String ext, String username, MemberStatus status) {
        return new PbxEvent.MemberStatusChanged(Instant.now(), queue, "PJSIP/" + ext, username, status, false, false, "");
    }
}
