package io.greenribbon.telephony.peer;

import java.util.List;

/** Queue membership changes (QueueAdd, QueueRemove, QueuePause, QueuePenalty, autopause) and their events. */
final class QueueMembers {

    private QueueMembers() {
    }

    /** Whether QueueAdd ({@code adding}) or QueueRemove would work: null, else Asterisk's error message. */
    static String check(PbxCore core, String queue, String iface, boolean adding) {
        PeerQueue q = core.queues.get(queue);
        if (q == null) {
            return adding ? "Unable to add interface to queue: No such queue"
                    : "Unable to remove interface from queue: No such queue";
        }
        if (adding && q.members.containsKey(iface)) {
            return "Unable to add interface: Already there";
        }
        if (!adding && !q.members.containsKey(iface)) {
            return "Unable to remove interface: Not there";
        }
        return null;
    }

    /** Null on success, else Asterisk's error message. */
    static String add(PbxCore core, String queue, String iface, String name, String stateIface, int penalty,
                      boolean paused, String reason) {
        PeerQueue q = core.queues.get(queue);
        if (q == null) {
            return "Unable to add interface to queue: No such queue";
        }
        if (q.members.containsKey(iface)) {
            return "Unable to add interface: Already there";
        }
        PeerQueue.Member m = new PeerQueue.Member(iface, name == null || name.isEmpty() ? iface : name,
                stateIface == null || stateIface.isEmpty() ? iface : stateIface, penalty, paused,
                core.clock.epochSeconds());
        if (paused) {
            m.reason = reason == null ? "" : reason;
            m.lastPause = core.clock.epochSeconds();
        }
        for (PeerQueue other : core.queues.values()) {
            PeerQueue.Member same = other.members.get(iface);
            if (same != null) {
                m.callsTaken = same.callsTaken;
                m.lastCall = same.lastCall;
            }
        }
        q.members.put(iface, m);
        core.deviceStates.remove("Queue:" + q.name + "_pause_" + iface);
        core.deviceState("Queue:" + q.name + "_pause_" + iface, paused ? "INUSE" : "NOT_INUSE");
        q.memberEvent(core, "QueueMemberAdded", m);
        q.availability(core);
        core.changed();
        return null;
    }

    static String remove(PbxCore core, String queue, String iface) {
        PeerQueue q = core.queues.get(queue);
        if (q == null) {
            return "Unable to remove interface from queue: No such queue";
        }
        PeerQueue.Member m = q.members.remove(iface);
        if (m == null) {
            return "Unable to remove interface: Not there";
        }
        q.memberEvent(core, "QueueMemberRemoved", m);
        q.availability(core);
        core.changed();
        return null;
    }

    /** Pauses or unpauses in one queue, or (queue null) in every queue the interface is in. */
    static String pause(PbxCore core, String queue, String iface, boolean paused, String reason) {
        List<PeerQueue> targets = queue == null || queue.isEmpty()
                ? core.queues.values().stream().filter(q -> q.members.containsKey(iface)).toList()
                : core.queues.containsKey(queue) && core.queues.get(queue).members.containsKey(iface)
                ? List.of(core.queues.get(queue)) : List.of();
        if (targets.isEmpty()) {
            return "Interface not found";
        }
        for (PeerQueue q : targets) {
            pause(core, q, q.members.get(iface), paused, paused ? (reason == null ? "" : reason) : "");
        }
        return null;
    }

    static void pause(PbxCore core, PeerQueue q, PeerQueue.Member m, boolean paused, String reason) {
        m.paused = paused;
        m.reason = paused ? reason : "";
        if (paused) {
            m.lastPause = core.clock.epochSeconds();
        }
        core.deviceState("Queue:" + q.name + "_pause_" + m.iface, paused ? "INUSE" : "NOT_INUSE");
        q.availability(core);
        q.memberEvent(core, "QueueMemberPause", m);
        core.changed();
    }

    static String penalty(PbxCore core, String queue, String iface, int penalty) {
        boolean found = false;
        for (PeerQueue q : core.queues.values()) {
            if ((queue == null || queue.isEmpty() || q.name.equals(queue)) && q.members.containsKey(iface)) {
                PeerQueue.Member m = q.members.get(iface);
                m.penalty = penalty;
                q.memberEvent(core, "QueueMemberPenalty", m);
                found = true;
            }
        }
        core.changed();
        return found && penalty >= 0 ? null : "Invalid interface, queuename or penalty";
    }
}
