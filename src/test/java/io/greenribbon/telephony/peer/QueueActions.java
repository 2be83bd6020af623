package io.greenribbon.telephony.peer;

import java.util.List;
import java.util.Locale;

/** The app_queue AMI actions (transcript 02): members, and the QueueStatus / QueueSummary lists. */
final class QueueActions {

    private QueueActions() {
    }

    static void handle(AmiSession s, String action, AmiMessage a) {
        PbxCore core = s.core;
        switch (action) {
            case "queueadd" -> {
                String error = QueueMembers.check(core, a.require("Queue"), a.require("Interface"), true);
                reply(s, a, error, "Added interface to queue");
                if (error == null) {
                    QueueMembers.add(core, a.require("Queue"), a.require("Interface"), a.require("MemberName"),
                            a.require("StateInterface"), parseInt(a.require("Penalty")), bool(a.require("Paused")),
                            a.require("Reason"));
                }
            }
            case "queueremove" -> {
                String error = QueueMembers.check(core, a.require("Queue"), a.require("Interface"), false);
                reply(s, a, error, "Removed interface from queue");
                if (error == null) {
                    QueueMembers.remove(core, a.require("Queue"), a.require("Interface"));
                }
            }
            case "queuepause" -> {
                boolean paused = bool(a.require("Paused"));
                String queue = a.require("Queue");
                String iface = a.require("Interface");
                boolean found = queue.isEmpty()
                        ? core.queues.values().stream().anyMatch(q -> q.members.containsKey(iface))
                        : core.queues.containsKey(queue) && core.queues.get(queue).members.containsKey(iface);
                reply(s, a, found ? null : "Interface not found",
                        paused ? "Interface paused successfully" : "Interface unpaused successfully");
                if (found) {
                    QueueMembers.pause(core, queue, iface, paused, a.require("Reason"));
                }
            }
            case "queuepenalty" -> {
                String queue = a.require("Queue");
                String iface = a.require("Interface");
                int penalty = parseInt(a.require("Penalty"));
                boolean found = penalty >= 0 && core.queues.values().stream()
                        .anyMatch(q -> (queue.isEmpty() || q.name.equals(queue)) && q.members.containsKey(iface));
                reply(s, a, found ? null : "Invalid interface, queuename or penalty", "Interface penalty set successfully");
                if (found) {
                    QueueMembers.penalty(core, queue, iface, penalty);
                }
            }
            case "queuestatus" -> status(s, a);
            case "queuesummary" -> summary(s, a);
            default -> throw new IllegalStateException("Unhandled action " + action);
        }
    }

    private static void reply(AmiSession s, AmiMessage a, String error, String success) {
        s.send(error == null ? AmiMessage.response("Success", a).add("Message", success) : AmiActions.error(a, error));
    }

    static boolean bool(String v) {
        return PeerQueue.yes(v.isEmpty() ? "no" : v);
    }

    static int parseInt(String v) {
        return v == null || v.isBlank() ? 0 : Integer.parseInt(v.strip());
    }

    private static void status(AmiSession s, AmiMessage a) {
        PbxCore core = s.core;
        String only = a.require("Queue");
        String member = a.require("Member");
        String id = a.require("ActionID");
        s.send(AmiMessage.response("Success", a).add("EventList", "start").add("Message", "Queue status will follow"));
        int items = 0;
        for (PeerQueue q : queues(core, only)) {
            s.send(new AmiMessage().add("Event", "QueueParams").add("Queue", q.name).add("Max", q.maxlen)
                    .add("Strategy", q.strategy).add("Calls", q.callers.size()).add("Holdtime", q.holdtime)
                    .add("TalkTime", q.talktime).add("Completed", q.completed).add("Abandoned", q.abandoned)
                    .add("ServiceLevel", q.serviceLevel).add("ServicelevelPerf", q.perf(q.completedInSl, q.completed))
                    .add("ServicelevelPerf2", q.perf(q.completedInSl + q.abandonedInSl, q.completed + q.abandoned))
                    .add("Weight", q.weight).add("ActionID", id));
            items++;
            for (PeerQueue.Member m : q.members.values()) {
                if (!member.isEmpty() && !member.equals(m.iface) && !member.equals(m.name)) {
                    continue;
                }
                AmiMessage item = new AmiMessage().add("Event", "QueueMember");
                q.memberBlock(item, m, core.memberStatus(m), true);
                s.send(item.add("ActionID", id));
                items++;
            }
            long now = core.clock.nowMicros();
            int position = 0;
            for (QueueApp.Entry e : q.callers) {
                position++;
                PeerChannel c = e.caller;
                s.send(new AmiMessage().add("Event", "QueueEntry").add("Queue", q.name).add("Position", position)
                        .add("Channel", c.name).add("Uniqueid", c.uniqueId)
                        .add("CallerIDNum", FastAgiClient.orUnknown(c.callerNum))
                        .add("CallerIDName", FastAgiClient.orUnknown(c.callerName))
                        .add("ConnectedLineNum", FastAgiClient.orUnknown(c.connectedNum))
                        .add("ConnectedLineName", FastAgiClient.orUnknown(c.connectedName))
                        .add("Wait", (now - e.joined) / 1_000_000L).add("Priority", e.prio).add("ActionID", id));
                items++;
            }
        }
        s.send(new AmiMessage().add("Event", "QueueStatusComplete").add("ActionID", id).add("EventList", "Complete")
                .add("ListItems", items));
    }

    private static void summary(AmiSession s, AmiMessage a) {
        PbxCore core = s.core;
        String id = a.require("ActionID");
        s.send(AmiMessage.response("Success", a).add("EventList", "start").add("Message", "Queue summary will follow"));
        int items = 0;
        long now = core.clock.nowMicros();
        for (PeerQueue q : queues(core, a.require("Queue"))) {
            long loggedIn = q.members.values().stream().filter(m -> core.memberStatus(m) != 5 && core.memberStatus(m) != 4).count();
            long available = q.members.values().stream()
                    .filter(m -> !m.paused && core.memberStatus(m) == 1 && !m.inCall).count();
            long longest = q.callers.stream().mapToLong(e -> (now - e.joined) / 1_000_000L).max().orElse(0);
            s.send(new AmiMessage().add("Event", "QueueSummary").add("Queue", q.name).add("LoggedIn", loggedIn)
                    .add("Available", available).add("Callers", q.callers.size()).add("HoldTime", q.holdtime)
                    .add("TalkTime", q.talktime).add("LongestHoldTime", longest).add("ActionID", id));
            items++;
        }
        s.send(new AmiMessage().add("Event", "QueueSummaryComplete").add("ActionID", id).add("EventList", "Complete")
                .add("ListItems", items));
    }

    private static List<PeerQueue> queues(PbxCore core, String only) {
        return core.queues.values().stream()
                .filter(q -> only.isEmpty() || q.name.equals(only) || q.name.equalsIgnoreCase(only.toLowerCase(Locale.ROOT)))
                .toList();
    }
}
