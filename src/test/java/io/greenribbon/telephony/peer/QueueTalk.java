package io.greenribbon.telephony.peer;

import io.greenribbon.telephony.peer.DialplanRunner.Outcome;

/** A queue caller bridged with a member: how the conversation ends (transcripts 03, 08a, 08b). */
final class QueueTalk {

    private QueueTalk() {
    }

    static Outcome talk(PbxCore core, QueueApp.Entry entry, PeerChannel leg, Endpoint.Behaviour b) {
        PeerChannel a = entry.caller;
        long hangupAt = b.talk() == null ? 0 : core.after(b.talk());
        core.awaitUntil(hangupAt, () -> a.hangupRequested || a.jump != null || leg.hangupRequested);
        if (a.hangupRequested) {
            // AgentComplete (reason caller) went out with the caller's HangupRequest.
            Bridge bridge = a.bridge;
            Legs.leave(core, a);
            core.cdr.bridgeEnded(a);
            QueueCall.queueVars(core, entry.queue, a);
            a.hangupCause = 16;
            core.softHangupRequest(a, 16);
            Legs.leave(core, leg);
            Legs.destroyIfEmpty(core, bridge);
            core.destroy(leg, 16);
            return Outcome.HANGUP;
        }
        if (a.jump != null) {
            return moved(core, entry, leg);
        }
        if (!leg.hangupRequested) {
            core.requestHangup(leg, 16, null);
        }
        QueueCall.complete(core, entry, "agent");
        Bridge bridge = a.bridge;
        Legs.leave(core, leg);
        Legs.leave(core, a);
        Legs.destroyIfEmpty(core, bridge);
        core.cdr.bridgeEnded(a);
        core.destroy(leg, 16);
        a.queueEntry = null;
        a.hangupCause = 16;
        return Outcome.HANGUP;
    }

    /**
     * A Redirect (or blind transfer) takes the caller out of the bridge: Asterisk reports the new location
     * first (with the stale application), the member's leg is hung up, and the member's call counts as
     * taken. A Redirect's AgentComplete waits for the caller's final hang-up; a transfer's comes now.
     */
    private static Outcome moved(PbxCore core, QueueApp.Entry entry, PeerChannel leg) {
        PeerChannel a = entry.caller;
        boolean transfer = a.transferredBy != null;
        AmiMessage transferEvent = transfer ? Transfers.blindTransferEvent(a, leg, a.bridge) : null;
        Jumps.apply(core, a);
        Bridge bridge = a.bridge;
        Legs.leave(core, a);
        Legs.leave(core, leg);
        core.cdr.bridgeEnded(a);
        a.transferredBy = null;
        if (transfer) {
            // Asterisk reports the transfer, and hangs the member up, once the transferee is dialling on.
            a.afterDialBegin = () -> {
                core.emit(transferEvent, "call");
                QueueCall.complete(core, entry, "transfer");
                a.queueEntry = null;
                Legs.destroyIfEmpty(core, bridge);
                core.destroy(leg, 16);
            };
            return Outcome.JUMPED;
        }
        QueueCall.memberCallEnded(core, entry.member, core.clock.nowMicros());
        Legs.destroyIfEmpty(core, bridge);
        core.destroy(leg, 16);
        return Outcome.JUMPED;
    }
}
