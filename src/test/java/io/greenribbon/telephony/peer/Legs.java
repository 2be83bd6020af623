package io.greenribbon.telephony.peer;

import java.time.Duration;

/**
 * Outbound legs (a phone or the trunk, called by Dial, Queue or Originate) and two-party bridges, with the
 * events Asterisk sends for them.
 */
final class Legs {

    /** How a ring attempt ended. */
    enum Result { ANSWERED, NO_ANSWER, BUSY, CONGESTION, TIMEOUT, CALLER_GONE, MOVED }

    private Legs() {
    }

    /**
     * Creates the leg's channel, reported as Newchannel (state Down, in the endpoint's context, exten s). The
     * endpoint's language comes after the channel is reported (Newchannel shows the default, en).
     */
    static PeerChannel create(PbxCore core, Endpoint e, String linkedId, String channelId) {
        PeerChannel leg = core.newChannel("PJSIP", e.name, linkedId, channelId);
        leg.context = e.context;
        leg.exten = "s";
        core.channelEvent("Newchannel", leg, "call");
        leg.language = e.language;
        return leg;
    }

    /** The caller id a dialled leg gets from its A leg: the number A dialled, and A's connected name. */
    static void callerIdFrom(PeerChannel leg, PeerChannel a) {
        leg.callerNum = a.exten;
        leg.callerName = a.connectedName;
        leg.connectedNum = a.callerNum;
        leg.connectedName = a.callerName;
    }

    static void inherit(PbxCore core, PeerChannel leg, PeerChannel a) {
        a.inheritable().forEach((name, value) -> core.setVariable(leg, name, value));
    }

    static AmiMessage dialEvent(String name, PeerChannel a, PeerChannel leg) {
        AmiMessage m = AmiMessage.event(name);
        if (a != null) {
            a.block(m, "");
        }
        if (leg != null) {
            leg.block(m, "Dest");
        }
        return m;
    }

    static void ringing(PbxCore core, PeerChannel leg) {
        Endpoint e = core.endpoints.get(leg.endpoint);
        if (e != null && !leg.countedAsRinging) {
            leg.countedAsRinging = true;
            e.ringing++;
        }
        leg.state = PeerChannel.RINGING;
    }

    static void answered(PbxCore core, PeerChannel leg) {
        Endpoint e = core.endpoints.get(leg.endpoint);
        leg.state = PeerChannel.UP;
        leg.answeredMicros = core.clock.nowMicros();
        if (e != null) {
            if (leg.countedAsRinging) {
                leg.countedAsRinging = false;
                e.ringing--;
            }
            if (!leg.countedAsCall) {
                leg.countedAsCall = true;
                e.calls++;
            }
        }
    }

    /**
     * Waits while the leg rings, per the phone's behaviour: until it answers, or the ring time runs out,
     * or the caller goes away. Lock held. {@code ringUntil} is the PBX time the attempt gives up.
     */
    static Result ring(PbxCore core, PeerChannel a, PeerChannel leg, Endpoint.Behaviour b, long ringUntil) {
        long answerAt = b.kind() == Endpoint.Kind.ANSWER ? core.after(b.ring()) : Long.MAX_VALUE;
        long failAt = b.kind() == Endpoint.Kind.NO_RESPONSE ? core.after(Duration.ofSeconds(32)) : Long.MAX_VALUE;
        long until = Math.min(ringUntil, Math.min(answerAt, failAt));
        core.awaitUntil(until, () -> gone(a) || moved(a) || leg.hangupRequested);
        if (a != null && gone(a)) {
            return Result.CALLER_GONE;
        }
        if (a != null && moved(a)) {
            return Result.MOVED;
        }
        long now = core.clock.nowMicros();
        if (now >= answerAt && answerAt <= ringUntil) {
            return Result.ANSWERED;
        }
        if (now >= failAt && failAt <= ringUntil) {
            return Result.CONGESTION;
        }
        return Result.TIMEOUT;
    }

    private static boolean gone(PeerChannel a) {
        return a != null && a.hangupRequested;
    }

    private static boolean moved(PeerChannel a) {
        return a != null && a.jump != null;
    }

    // ---- bridges -------------------------------------------------------------------------------------

    static Bridge bridge(PbxCore core, PeerChannel first, PeerChannel second) {
        Bridge b = new Bridge();
        AmiMessage create = AmiMessage.event("BridgeCreate");
        b.block(create);
        core.emit(create, "call");
        enter(core, b, first);
        enter(core, b, second);
        b.technology = "native_rtp";
        for (PeerChannel c : b.channels) {
            if (c.call != null) {
                c.call.bridged();
            }
        }
        for (PeerChannel c : b.channels) {
            PeerChannel peer = b.peerOf(c);
            core.setVariable(c, "BRIDGEPEER", peer.name);
        }
        return b;
    }

    private static void enter(PbxCore core, Bridge b, PeerChannel c) {
        b.channels.add(c);
        c.bridge = b;
        AmiMessage m = AmiMessage.event("BridgeEnter");
        b.block(m);
        c.block(m, "");
        core.emit(m, "call");
    }

    static void leave(PbxCore core, PeerChannel c) {
        Bridge b = c.bridge;
        if (b == null) {
            return;
        }
        b.channels.remove(c);
        c.bridge = null;
        AmiMessage m = AmiMessage.event("BridgeLeave");
        b.block(m);
        c.block(m, "");
        core.emit(m, "call");
    }

    static void destroyIfEmpty(PbxCore core, Bridge b) {
        if (b != null && b.channels.isEmpty()) {
            AmiMessage m = AmiMessage.event("BridgeDestroy");
            b.block(m);
            core.emit(m, "call");
        }
    }

    /** Hangs up a leg whose call ended on the PBX side (the other party left): Hangup with the cause. */
    static void hangupLeg(PbxCore core, PeerChannel leg, int cause) {
        Bridge b = leg.bridge;
        leave(core, leg);
        destroyIfEmpty(core, b);
        core.destroy(leg, cause);
    }
}
