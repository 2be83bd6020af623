package io.greenribbon.telephony.peer;

import io.greenribbon.telephony.peer.DialplanRunner.Outcome;

/** One ring attempt of a queue caller to a member, and the conversation when the member answers. */
final class QueueCall {

    private QueueCall() {
    }

    /**
     * Rings {@code member} for the caller. Returns null when the attempt failed and the caller waits on, or
     * the outcome of Queue() when the call was answered (or the caller left meanwhile).
     */
    static Outcome attempt(PbxCore core, QueueApp.Entry entry, PeerQueue.Member member, long deadline) {
        PeerChannel a = entry.caller;
        PeerQueue q = entry.queue;
        Endpoint e = core.endpoints.get(member.iface.substring(member.iface.indexOf('/') + 1));
        member.ringing = true;
        PeerChannel leg = Legs.create(core, e, a.linkedId, null);
        leg.app = "AppQueue";
        leg.appData = "(Outgoing Line)";
        guessCallerId(leg, a);
        core.newexten(leg);
        Apps.newCallerid(core, leg);
        Legs.inherit(core, leg, a);
        core.setVariable(leg, "DIALEDPEERNUMBER", e.name);
        // app_queue reports in AgentCalled what the leg is about to become (the caller's extension and
        // number); the leg itself takes them on when it rings, or when it is refused (transcripts 03, 05b).
        leg.exten = a.exten;
        leg.connectedNum = a.callerNum;
        leg.connectedName = a.callerName;
        AmiMessage agentCalled = Legs.dialEvent("AgentCalled", a, leg).add("Queue", q.name)
                .add("Interface", member.iface).add("MemberName", member.name);
        leg.exten = "s";
        leg.connectedNum = "";
        leg.connectedName = "";
        core.emit(agentCalled, "agent");
        core.emit(Legs.dialEvent("DialBegin", a, leg).add("DialString", member.iface), "call");
        core.cdr.dialBegin(a, leg);
        if (!"ringall".equals(q.strategy)) {
            // The leg's connected-line update reaches the caller at once; ringall saves it until the answer.
            connectedLine(core, entry, a, leg);
        }
        Endpoint.Behaviour b = e.next();
        long started = core.clock.nowMicros();
        if (b.kind() == Endpoint.Kind.BUSY || b.kind() == Endpoint.Kind.UNAVAILABLE) {
            boolean busy = b.kind() == Endpoint.Kind.BUSY;
            core.requestHangup(leg, busy ? 17 : 34, busy ? 486 : 480);
            becomeCallersLeg(leg, a);
            core.emit(Legs.dialEvent("DialEnd", a, leg).add("DialStatus", "NOANSWER"), "call");
            ringNoAnswer(core, entry, member, leg, 0, busy ? q.autopauseBusy : q.autopauseUnavail);
            core.cdr.dialFailed(a, "NOANSWER");
            member.ringing = false;
            core.destroy(leg, busy ? 17 : 34);
            core.channelEvent("NewConnectedLine", leg, "call");
            return null;
        }
        becomeCallersLeg(leg, a);
        if (b.kind() != Endpoint.Kind.NO_RESPONSE) {
            Legs.ringing(core, leg);
            core.channelEvent("Newstate", leg, "call");
            core.newexten(leg);
            core.channelEvent("NewConnectedLine", leg, "call");
            core.endpointChanged(e);
            core.emit(Legs.dialEvent("DialState", a, leg).add("DialStatus", "RINGING"), "call");
        }
        long ringUntil = started + q.ringTimeout * 1_000_000L;
        if (q.timeoutPriorityApp && deadline != 0) {
            ringUntil = Math.min(ringUntil, deadline);
        }
        Legs.Result result = Legs.ring(core, a, leg, b, ringUntil);
        switch (result) {
            case ANSWERED:
                return connect(core, entry, member, leg, b);
            case CALLER_GONE:
            case MOVED:
                core.emit(Legs.dialEvent("DialEnd", a, leg).add("DialStatus", "CANCEL"), "call");
                member.ringing = false;
                core.destroy(leg, 0);
                return null;
            default:
                long ringMs = (core.clock.nowMicros() - started) / 1000;
                ringNoAnswer(core, entry, member, leg, ringMs, true);
                core.emit(Legs.dialEvent("DialEnd", a, leg).add("DialStatus", "NOANSWER"), "call");
                core.emit(Legs.dialEvent("DialEnd", a, leg).add("DialStatus", "CANCEL"), "call");
                core.cdr.dialFailed(a, "NOANSWER");
                member.ringing = false;
                core.destroy(leg, 0);
                return null;
        }
    }

    /**
     * app_queue's guess of a member leg's caller id: the caller's connected line when known, else the number
     * the caller dialled (DNID), else the caller's extension (transcripts 03, 10c, 10e).
     */
    private static void guessCallerId(PeerChannel leg, PeerChannel a) {
        if (!a.connectedNum.isEmpty()) {
            leg.callerNum = a.connectedNum;
            leg.callerName = a.connectedName;
        } else {
            leg.callerNum = a.dnid.isEmpty() ? a.exten : a.dnid;
            leg.callerName = a.connectedName;
        }
    }

    /**
     * The caller's connected line becomes the leg's caller id (NewConnectedLine), when it differs, unless the
     * Queue option I ignores the members' connected-line updates.
     */
    private static void connectedLine(PbxCore core, QueueApp.Entry entry, PeerChannel a, PeerChannel leg) {
        if (!entry.ignoreConnectedLine
                && (!leg.callerNum.equals(a.connectedNum) || !leg.callerName.equals(a.connectedName))) {
            core.updateConnectedLine(a, leg.callerNum, leg.callerName);
        }
    }

    private static void becomeCallersLeg(PeerChannel leg, PeerChannel a) {
        leg.exten = a.exten;
        leg.connectedNum = a.callerNum;
        leg.connectedName = a.callerName;
    }

    private static void ringNoAnswer(PbxCore core, QueueApp.Entry entry, PeerQueue.Member member, PeerChannel leg,
                                     long ringMs, boolean pause) {
        PeerQueue q = entry.queue;
        core.emit(Legs.dialEvent("AgentRingNoAnswer", entry.caller, leg).add("Queue", q.name)
                .add("Interface", member.iface).add("MemberName", member.name).add("RingTime", ringMs), "agent");
        if (pause && !"no".equals(q.autopause)) {
            for (PeerQueue other : core.queues.values()) {
                PeerQueue.Member m = other.members.get(member.iface);
                if (m != null && !m.paused && (other == q || "all".equals(q.autopause))) {
                    QueueMembers.pause(core, other, m, true, "Auto-Pause");
                }
            }
        }
    }

    private static Outcome connect(PbxCore core, QueueApp.Entry entry, PeerQueue.Member member, PeerChannel leg,
                                   Endpoint.Behaviour b) {
        PeerChannel a = entry.caller;
        PeerQueue q = entry.queue;
        long now = core.clock.nowMicros();
        Legs.answered(core, leg);
        core.channelEvent("Newstate", leg, "call");
        core.emit(Legs.dialEvent("DialEnd", a, leg).add("DialStatus", "ANSWER"), "call");
        connectedLine(core, entry, a, leg);
        AmiMessage moh = AmiMessage.event("MusicOnHoldStop");
        a.block(moh, "");
        core.emit(moh, "call");
        long hold = entry.holdSeconds(now);
        q.recordHoldtime(hold);
        if (q.setInterfaceVar) {
            for (PeerChannel c : new PeerChannel[]{a, leg}) {
                core.setVariable(c, "MEMBERINTERFACE", member.iface);
                core.setVariable(c, "MEMBERNAME", member.name);
                core.setVariable(c, "MEMBERCALLS", String.valueOf(member.callsTaken));
                core.setVariable(c, "MEMBERLASTCALL", String.valueOf(member.lastCall));
                core.setVariable(c, "MEMBERPENALTY", String.valueOf(member.penalty));
                core.setVariable(c, "MEMBERDYNAMIC", "1");
                core.setVariable(c, "MEMBERREALTIME", "0");
            }
        }
        if (q.setQueueEntryVar) {
            for (PeerChannel c : new PeerChannel[]{a, leg}) {
                core.setVariable(c, "QEHOLDTIME", String.valueOf(hold));
                core.setVariable(c, "QEORIGINALPOS", String.valueOf(entry.originalPosition));
            }
        }
        if (q.setQueueVar) {
            queueVars(core, q, a);
            queueVars(core, q, leg);
        }
        if (!q.memberGosub.isEmpty()) {
            // app_queue runs the membergosub on the member's channel, the caller on hold, before AgentConnect.
            DialplanRunner.gosub(core, leg, q.memberGosub);
        }
        member.ringing = false;
        core.endpointChanged(core.endpoints.get(leg.endpoint));
        int position = QueueApp.remove(core, entry);
        QueueApp.callerLeave(core, entry, position);
        core.setVariable(a, "QUEUEPOSITION", String.valueOf(position));
        core.setVariable(a, "QUEUEWAIT", String.valueOf(hold));
        core.setVariable(a, "QUEUEWAIT_MS", String.valueOf((now - entry.joined) / 1000));
        long ring = (now - leg.createdMicros) / 1_000_000L;
        core.emit(Legs.dialEvent("AgentConnect", a, leg).add("Queue", q.name).add("Interface", member.iface)
                .add("MemberName", member.name).add("HoldTime", hold).add("RingTime", Math.max(ring, 0)), "agent");
        for (PeerQueue other : core.queues.values()) {
            PeerQueue.Member m = other.members.get(member.iface);
            if (m != null) {
                m.inCall = true;
            }
        }
        if (hold <= q.serviceLevel) {
            q.completedInSl++;
        }
        core.cdr.bAnswered(a);
        entry.member = member;
        entry.memberChannel = leg;
        entry.connected = true;
        entry.connectedAt = now;
        Legs.bridge(core, leg, a);
        return QueueTalk.talk(core, entry, leg, b);
    }

    static void queueVars(PbxCore core, PeerQueue q, PeerChannel c) {
        core.setVariable(c, "QUEUENAME", q.name);
        core.setVariable(c, "QUEUEMAX", String.valueOf(q.maxlen));
        core.setVariable(c, "QUEUESTRATEGY", q.strategy);
        core.setVariable(c, "QUEUECALLS", String.valueOf(q.callers.size()));
        core.setVariable(c, "QUEUEHOLDTIME", String.valueOf(q.holdtime));
        core.setVariable(c, "QUEUETALKTIME", String.valueOf(q.talktime));
        core.setVariable(c, "QUEUECOMPLETED", String.valueOf(q.completed));
        core.setVariable(c, "QUEUEABANDONED", String.valueOf(q.abandoned));
        core.setVariable(c, "QUEUESRVLEVEL", String.valueOf(q.serviceLevel));
        core.setVariable(c, "QUEUESRVLEVELPERF", q.perf(q.completedInSl, q.completed));
    }

    /** AgentComplete: the queue conversation is over (caller hung up, member hung up, or transferred). */
    static void complete(PbxCore core, QueueApp.Entry entry, String reason) {
        if (entry.completed) {
            return;
        }
        entry.completed = true;
        PeerQueue q = entry.queue;
        long now = core.clock.nowMicros();
        long talk = (now / 1_000_000L) - (entry.connectedAt / 1_000_000L);
        q.completed++;
        q.recordTalktime(talk);
        PeerChannel leg = entry.memberChannel;
        AmiMessage m = (leg == null || leg.gone ? Legs.dialEvent("AgentComplete", entry.caller, null)
                : Legs.dialEvent("AgentComplete", entry.caller, leg)).add("Queue", q.name)
                .add("Interface", entry.member.iface).add("MemberName", entry.member.name)
                .add("HoldTime", entry.holdSeconds(entry.connectedAt)).add("TalkTime", talk).add("Reason", reason);
        core.emit(m, "agent");
        memberCallEnded(core, entry.member, now);
    }

    /** The member's call is over as far as its statistics go: one more call taken, last call now. */
    static void memberCallEnded(PbxCore core, PeerQueue.Member member, long now) {
        for (PeerQueue other : core.queues.values()) {
            PeerQueue.Member m = other.members.get(member.iface);
            if (m != null && m.inCall) {
                m.inCall = false;
                m.callsTaken++;
                m.lastCall = now / 1_000_000L;
            }
        }
    }
}
