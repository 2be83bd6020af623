package io.greenribbon.telephony.peer;

/**
 * AMI Originate to a PJSIP endpoint, continuing in the dialplan once it answers (callbacks), with the
 * outcomes of transcripts 06a and 06b: Reason 4 answered, 3 ring timeout, 0 failed (no such or unreachable
 * endpoint, busy, no SIP response in 32 s).
 */
final class Originates {

    private Originates() {
    }

    static void originate(AmiSession s, AmiMessage a) {
        PbxCore core = s.core;
        String channel = a.require("Channel");
        boolean async = QueueActions.bool(a.require("Async"));
        if (!channel.startsWith("PJSIP/") || a.require("Context").isEmpty()) {
            s.send(AmiActions.error(a, "Originate failed"));
            return;
        }
        Endpoint e = core.endpoints.get(channel.substring(6));
        boolean possible = e != null && e.reachable();
        if (!async) {
            if (!possible) {
                s.send(AmiActions.error(a, "Originate failed"));
                return;
            }
            s.send(AmiMessage.response("Success", a).add("Message", "Originate successfully queued"));
        } else {
            s.send(AmiMessage.response("Success", a).add("Message", "Originate successfully queued"));
        }
        String[] callerId = Apps.parseCallerId(a.require("CallerID"));
        if (!possible) {
            response(core, a, false, channel, 0, "<unknown>", callerId);
            return;
        }
        core.startThread(() -> {
            core.lock.lock();
            try {
                dial(core, a, e, callerId);
            } catch (PbxCore.Stopped stopped) {
                // Asterisk stopped meanwhile.
            } finally {
                core.lock.unlock();
            }
        });
    }

    private static void dial(PbxCore core, AmiMessage a, Endpoint e, String[] callerId) {
        String dialString = a.require("Channel");
        long timeoutMs = a.get("Timeout").filter(t -> !t.isBlank()).map(Long::parseLong).orElse(30_000L);
        String channelId = a.get("ChannelId").filter(t -> !t.isBlank()).orElse(null);
        PeerChannel leg = Legs.create(core, e, channelId, channelId);
        leg.app = "AppDial2";
        leg.appData = "(Outgoing Line)";
        core.newexten(leg);
        for (String v : a.all("Variable")) {
            int eq = v.indexOf('=');
            if (eq > 0) {
                core.setVariable(leg, v.substring(0, eq), v.substring(eq + 1));
            }
        }
        leg.callerName = callerId[0];
        leg.callerNum = callerId[1];
        Apps.newCallerid(core, leg);
        leg.connectedName = callerId[0];
        leg.connectedNum = callerId[1];
        core.channelEvent("NewConnectedLine", leg, "call");
        core.emit(Legs.dialEvent("DialBegin", null, leg).add("DialString", e.name), "call");
        Endpoint.Behaviour b = e.next();
        switch (b.kind()) {
            case BUSY, UNAVAILABLE -> {
                boolean busy = b.kind() == Endpoint.Kind.BUSY;
                core.requestHangup(leg, busy ? 17 : 34, busy ? 486 : 480);
                core.emit(Legs.dialEvent("DialEnd", null, leg).add("DialStatus", busy ? "BUSY" : "CONGESTION"), "call");
                response(core, a, false, dialString, 0, "<unknown>", callerId);
                core.destroy(leg, busy ? 17 : 34);
                return;
            }
            case NO_RESPONSE -> { }
            default -> {
                Legs.ringing(core, leg);
                core.channelEvent("Newstate", leg, "call");
                core.endpointChanged(e);
                core.emit(Legs.dialEvent("DialState", null, leg).add("DialStatus", "RINGING"), "call");
            }
        }
        long until = core.clock.nowMicros() + timeoutMs * 1000;
        Legs.Result result = Legs.ring(core, null, leg, b, until);
        if (result == Legs.Result.CONGESTION) {
            core.requestHangup(leg, 18, 408);
            response(core, a, false, dialString, 0, "<unknown>", callerId);
            core.emit(Legs.dialEvent("DialEnd", null, leg).add("DialStatus", "NOANSWER"), "call");
            core.destroy(leg, 18);
            return;
        }
        if (result != Legs.Result.ANSWERED) {
            response(core, a, false, dialString, 3, leg.uniqueId, callerId);
            leg.techCause = 480;
            core.destroy(leg, 19);
            return;
        }
        response(core, a, true, leg.name, 4, leg.uniqueId, callerId);
        Legs.answered(core, leg);
        core.channelEvent("Newstate", leg, "call");
        core.emit(Legs.dialEvent("DialEnd", null, leg).add("DialStatus", "ANSWER"), "call");
        core.endpointChanged(e);
        core.cdr.begin(leg);
        core.cdr.answered(leg, leg.answeredMicros);
        core.processedCalls++;
        leg.context = a.require("Context");
        leg.exten = a.require("Exten");
        leg.priority = QueueActions.parseInt(a.require("Priority"));
        if (b.talk() != null) {
            core.schedule(b.talk(), () -> {
                leg.hangupCause = 16;
                core.requestHangup(leg, 16, null);
            });
        }
        DialplanRunner.start(core, leg);
    }

    private static void response(PbxCore core, AmiMessage a, boolean success, String channel, int reason,
                                 String uniqueId, String[] callerId) {
        AmiMessage m = AmiMessage.event("OriginateResponse");
        a.get("ActionID").ifPresent(id -> m.add("ActionID", id));
        m.add("Response", success ? "Success" : "Failure")
                .add("Channel", channel)
                .add("Context", a.require("Context"))
                .add("Exten", a.require("Exten"))
                .add("Reason", reason)
                .add("Uniqueid", uniqueId)
                .add("CallerIDNum", PeerChannel.orUnknown(callerId[1]))
                .add("CallerIDName", PeerChannel.orUnknown(callerId[0]));
        core.emit(m, "call");
    }
}
