package io.greenribbon.telephony.peer;

/** Redirect, BlindTransfer, Hangup and CoreShowChannels (transcripts 08a, 08b; Asterisk's documented list format). */
final class CallActions {

    private CallActions() {
    }

    static void redirect(AmiSession s, AmiMessage a) {
        PbxCore core = s.core;
        PeerChannel c = core.channels.get(a.require("Channel"));
        if (c == null) {
            s.send(AmiActions.error(a, "Channel does not exist: " + a.require("Channel")));
            return;
        }
        String context = a.require("Context");
        String exten = a.require("Exten");
        int priority = QueueActions.parseInt(a.require("Priority"));
        if (core.config.dialplan().step(context, exten, priority).isEmpty()) {
            s.send(AmiActions.error(a, "Extension does not exist."));
            return;
        }
        s.send(AmiMessage.response("Success", a).add("Message", "Redirect successful"));
        c.jump = new PeerChannel.Jump(context, exten, priority);
        core.changed();
    }

    static void blindTransfer(AmiSession s, AmiMessage a) {
        PbxCore core = s.core;
        PeerChannel transferer = core.channels.get(a.require("Channel"));
        if (transferer == null) {
            s.send(AmiActions.error(a, "No such channel"));
            return;
        }
        PeerChannel transferee = transferer.bridge == null ? null : transferer.bridge.peerOf(transferer);
        String context = a.get("Context").orElse(transferer.context);
        String exten = a.require("Exten");
        if (transferee == null) {
            s.send(AmiActions.error(a, "Transfer failed"));
            return;
        }
        if (core.config.dialplan().step(context, exten, 1).isEmpty()) {
            s.send(AmiActions.error(a, "Transfer failed: Invalid target"));
            return;
        }
        s.send(AmiMessage.response("Success", a).add("Message", "Transfer succeeded"));
        core.channelEvent("Unhold", transferer, "call");
        core.setVariable(transferee, "BLINDTRANSFER", transferer.name);
        core.setVariable(transferer, "BLINDTRANSFER", transferee.name);
        transferee.transferredBy = transferer;
        transferee.jump = new PeerChannel.Jump(context, exten, 1);
        core.changed();
    }

    static void hangup(AmiSession s, AmiMessage a) {
        PbxCore core = s.core;
        PeerChannel c = core.channels.get(a.require("Channel"));
        if (c == null) {
            s.send(AmiActions.error(a, "No such channel"));
            return;
        }
        s.send(AmiMessage.response("Success", a).add("Message", "Channel Hungup"));
        int cause = a.get("Cause").map(QueueActions::parseInt).orElse(16);
        c.hangupCause = cause;
        core.requestHangup(c, cause, null);
    }

    static void coreShowChannels(AmiSession s, AmiMessage a) {
        PbxCore core = s.core;
        String id = a.require("ActionID");
        s.send(AmiMessage.response("Success", a).add("EventList", "start").add("Message", "Channels will follow"));
        int n = 0;
        long now = core.clock.nowMicros();
        for (PeerChannel c : core.channelsSnapshot()) {
            AmiMessage m = new AmiMessage().add("Event", "CoreShowChannel");
            if (!id.isEmpty()) {
                m.add("ActionID", id);
            }
            c.block(m, "");
            long secs = (now - c.createdMicros) / 1_000_000L;
            m.add("Application", c.app).add("ApplicationData", c.appData)
                    .add("Duration", String.format("%02d:%02d:%02d", secs / 3600, (secs / 60) % 60, secs % 60))
                    .add("BridgeId", c.bridge == null ? "" : c.bridge.id);
            s.send(m);
            n++;
        }
        AmiMessage done = new AmiMessage().add("Event", "CoreShowChannelsComplete");
        if (!id.isEmpty()) {
            done.add("ActionID", id);
        }
        s.send(done.add("EventList", "Complete").add("ListItems", n));
    }
}
