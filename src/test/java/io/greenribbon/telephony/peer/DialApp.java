package io.greenribbon.telephony.peer;

import io.greenribbon.telephony.peer.DialplanRunner.Outcome;

/**
 * Dial() to one PJSIP destination ({@code PJSIP/<endpoint>} or {@code PJSIP/<number>@<endpoint>}) with a
 * ring timeout and option {@code I}, bridging on answer; the events of transcripts 06a, 08a and 10a. An
 * endpoint that cannot be reached fails at once (CHANUNAVAIL), with the errors Asterisk logs for it.
 */
final class DialApp {

    private DialApp() {
    }

    static Outcome run(DialplanRunner r, PeerChannel a, String data) {
        PbxCore core = r.core;
        String[] args = data.split(",", -1);
        String target = args[0].strip();
        int timeout = args.length > 1 && !args[1].isBlank() ? Integer.parseInt(args[1].strip()) : 0;
        boolean ignoreConnectedLine = Apps.ignoresConnectedLine("Dial", args.length > 2 ? args[2] : "");
        if (!target.startsWith("PJSIP/") || target.contains("&")) {
            throw new IllegalStateException("The peer dials one PJSIP destination, not " + target);
        }
        String resource = target.substring(6);
        String endpointName = resource.contains("@") ? resource.substring(resource.indexOf('@') + 1) : resource;
        for (String v : new String[]{"DIALSTATUS", "RINGTIME", "RINGTIME_MS", "PROGRESSTIME", "PROGRESSTIME_MS"}) {
            core.setVariable(a, v, "");
        }
        Endpoint e = core.endpoints.get(endpointName);
        if (e == null || !e.reachable()) {
            if (e != null) {
                // A qualified contact that stopped answering OPTIONS, or a phone that is not registered.
                core.log.error(a, "res_pjsip.c", "Endpoint '" + e.name + "': Could not create dialog to invalid URI '"
                        + e.name + "'.  Is endpoint registered and reachable?");
                core.log.error(a, "chan_pjsip.c", "Failed to create outgoing session to endpoint '" + e.name + "'");
                core.log.warning(a, "app_dial.c", "Unable to create channel of type 'PJSIP' (cause 3 - No route to destination)");
            }
            core.setVariable(a, "DIALSTATUS", "CHANUNAVAIL");
            return Outcome.NEXT;
        }
        Endpoint.Behaviour behaviour = e.next();
        PeerChannel leg = Legs.create(core, e, a.linkedId, null);
        Legs.inherit(core, leg, a);
        leg.exten = a.exten;
        Legs.callerIdFrom(leg, a);
        leg.app = "AppDial";
        leg.appData = "(Outgoing Line)";
        core.newexten(leg);
        Apps.newCallerid(core, leg);
        core.channelEvent("NewConnectedLine", leg, "call");
        core.emit(Legs.dialEvent("DialBegin", a, leg).add("DialString", resource), "call");
        core.cdr.dialBegin(a, leg);
        if (!ignoreConnectedLine
                && (!leg.callerNum.equals(a.connectedNum) || !leg.callerName.equals(a.connectedName))) {
            core.updateConnectedLine(a, leg.callerNum, leg.callerName);
        }
        if (a.afterDialBegin != null) {
            Runnable pending = a.afterDialBegin;
            a.afterDialBegin = null;
            pending.run();
        }
        long started = core.clock.nowMicros();
        switch (behaviour.kind()) {
            case BUSY, UNAVAILABLE -> {
                boolean busy = behaviour.kind() == Endpoint.Kind.BUSY;
                core.requestHangup(leg, busy ? 17 : 34, busy ? 486 : 480);
                return failed(core, a, leg, busy ? "BUSY" : "CONGESTION", busy ? 17 : 34);
            }
            case NO_RESPONSE -> { }
            default -> {
                core.setVariable(a, "RINGTIME", "0");
                core.setVariable(a, "RINGTIME_MS", "0");
                Legs.ringing(core, leg);
                core.channelEvent("Newstate", leg, "call");
                core.endpointChanged(e);
                core.emit(Legs.dialEvent("DialState", a, leg).add("DialStatus", "RINGING"), "call");
            }
        }
        long until = timeout > 0 ? started + timeout * 1_000_000L : 0;
        Legs.Result result = Legs.ring(core, a, leg, behaviour, until == 0 ? Long.MAX_VALUE : until);
        switch (result) {
            case ANSWERED -> {
                return connected(r, a, leg, behaviour);
            }
            case CALLER_GONE -> {
                core.emit(Legs.dialEvent("DialEnd", a, leg).add("DialStatus", "CANCEL"), "call");
                core.destroy(leg, 0);
                core.setVariable(a, "DIALSTATUS", "CANCEL");
                return Outcome.HANGUP;
            }
            case CONGESTION -> {
                core.requestHangup(leg, 18, 408);
                return failed(core, a, leg, "NOANSWER", 18);
            }
            default -> {
                return failed(core, a, leg, "NOANSWER", 0);
            }
        }
    }


    private static Outcome failed(PbxCore core, PeerChannel a, PeerChannel leg, String status, int cause) {
        core.emit(Legs.dialEvent("DialEnd", a, leg).add("DialStatus", status), "call");
        core.cdr.dialFailed(a, status);
        core.destroy(leg, cause);
        core.setVariable(a, "DIALSTATUS", status);
        return a.hangupRequested ? Outcome.HANGUP : Outcome.NEXT;
    }

    private static Outcome connected(DialplanRunner r, PeerChannel a, PeerChannel leg, Endpoint.Behaviour b) {
        PbxCore core = r.core;
        Legs.answered(core, leg);
        core.channelEvent("Newstate", leg, "call");
        core.endpointChanged(core.endpoints.get(leg.endpoint));
        core.setVariable(a, "DIALSTATUS", "ANSWER");
        leg.exten = "";
        core.emit(Legs.dialEvent("DialEnd", a, leg).add("DialStatus", "ANSWER"), "call");
        core.cdr.bAnswered(a);
        core.newexten(leg);
        Bridge bridge = Legs.bridge(core, leg, a);
        long hangupAt = b.talk() == null ? 0 : core.after(b.talk());
        core.awaitUntil(hangupAt, () -> a.hangupRequested || a.jump != null || leg.hangupRequested);
        boolean legEnded = !a.hangupRequested && a.jump == null;
        if (legEnded) {
            core.requestHangup(leg, 16, null);
        }
        if (a.hangupRequested) {
            // The caller hung up: both leave the bridge, and the leg is hung up once the caller's channel is
            // gone (transcripts 10a, 10b, 10d).
            Legs.leave(core, a);
            core.cdr.bridgeEnded(a);
            core.setVariable(a, "DIALSTATUS", "ANSWER");
            core.softHangupRequest(a, 16);
            Legs.leave(core, leg);
            Legs.destroyIfEmpty(core, bridge);
            a.afterGone = () -> core.destroy(leg, 16);
            return Outcome.HANGUP;
        }
        if (a.jump != null) {
            Legs.leave(core, a);
            core.cdr.bridgeEnded(a);
            core.setVariable(a, "DIALSTATUS", "ANSWER");
            Legs.hangupLeg(core, leg, 16);
            return Outcome.JUMPED;
        }
        Legs.leave(core, leg);
        Legs.leave(core, a);
        core.destroy(leg, 16);
        Legs.destroyIfEmpty(core, bridge);
        core.cdr.bridgeEnded(a);
        core.setVariable(a, "DIALSTATUS", "ANSWER");
        a.hangupCause = 16;
        core.softHangupRequest(a, 16);
        return Outcome.HANGUP;
    }
}
