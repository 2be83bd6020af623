package io.greenribbon.telephony.peer;

import io.greenribbon.telephony.peer.DialplanRunner.Outcome;

import java.util.Comparator;
import java.util.Optional;

/**
 * Queue(name,options,URL,announce,timeout): app_queue as the peer runs it for one caller, in the caller's
 * thread. Joining (joinempty, QUEUE_PRIO), ringing one member at a time by strategy, ring-no-answer with
 * autopause, connecting and bridging, abandons, leaving on timeout or when the queue empties, and the
 * completion after a hang-up, a Redirect or a blind transfer; with the events of transcripts 03-05 and 08.
 */
final class QueueApp {

    /** A caller in a queue (app_queue's queue_ent). */
    static final class Entry {
        final PeerChannel caller;
        final PeerQueue queue;
        final int prio;
        final long joined;
        final int originalPosition;
        PeerQueue.Member member;
        PeerChannel memberChannel;
        long connectedAt;
        boolean connected;
        boolean completed;
        /** Queue() option I: the member's identity is not sent to the caller when the member answers. */
        boolean ignoreConnectedLine;

        Entry(PeerChannel caller, PeerQueue queue, int prio, long joined, int originalPosition) {
            this.caller = caller;
            this.queue = queue;
            this.prio = prio;
            this.joined = joined;
            this.originalPosition = originalPosition;
        }

        long holdSeconds(long until) {
            return (until / 1_000_000L) - (joined / 1_000_000L);
        }
    }

    private QueueApp() {
    }

    static Outcome run(DialplanRunner r, PeerChannel a, String data) {
        PbxCore core = r.core;
        String[] args = data.split(",", -1);
        String name = args[0].strip();
        int timeout = args.length > 4 && !args[4].isBlank() ? Integer.parseInt(args[4].strip()) : 0;
        for (String v : new String[]{"ANSWEREDTIME", "ANSWEREDTIME_MS", "DIALEDTIME", "DIALEDTIME_MS", "QUEUEWAIT",
                "QUEUEWAIT_MS"}) {
            core.setVariable(a, v, "");
        }
        boolean ignoreConnectedLine = Apps.ignoresConnectedLine("Queue", args.length > 1 ? args[1] : "");
        PeerQueue q = core.queues.get(name);
        String refused = refusal(core, q);
        if (refused != null) {
            // app_queue logs every refused join, whatever the reason (transcripts 10a, 10b, 10d).
            core.log.warning(a, "app_queue.c", "Unable to join queue '" + name + "'");
            core.setVariable(a, "QUEUESTATUS", refused);
            return Outcome.NEXT;
        }
        Entry entry = join(core, a, q);
        entry.ignoreConnectedLine = ignoreConnectedLine;
        long deadline = timeout > 0 ? entry.joined + timeout * 1_000_000L : 0;
        long retryUntil = 0;
        while (true) {
            if (a.hangupRequested) {
                return abandon(core, entry);
            }
            if (a.jump != null) {
                leave(core, entry, null);
                return Outcome.JUMPED;
            }
            long now = core.clock.nowMicros();
            if (deadline != 0 && now >= deadline) {
                recordAbandoned(core, entry);
                leave(core, entry, "TIMEOUT");
                return Outcome.NEXT;
            }
            String empty = q.emptyStatus(core, q.leaveWhenEmpty);
            if (empty != null) {
                recordAbandoned(core, entry);
                leave(core, entry, "LEAVE" + empty);
                return Outcome.NEXT;
            }
            PeerQueue.Member member = now >= retryUntil && myTurn(core, entry) ? pick(core, q).orElse(null) : null;
            if (member == null) {
                long retryAt = retryUntil;
                long wake = retryAt > now ? (deadline == 0 ? retryAt : Math.min(retryAt, deadline)) : deadline;
                core.awaitUntil(wake, () -> a.hangupRequested || a.jump != null || (retryAt <= core.clock.nowMicros()
                        && myTurn(core, entry) && pick(core, q).isPresent())
                        || q.emptyStatus(core, q.leaveWhenEmpty) != null);
                continue;
            }
            Outcome outcome = QueueCall.attempt(core, entry, member, deadline);
            if (outcome != null) {
                return outcome;
            }
            retryUntil = core.clock.nowMicros() + q.retry * 1_000_000L;
        }
    }

    /** Why app_queue does not let the caller join (the QUEUESTATUS it sets), or null when the caller joins. */
    private static String refusal(PbxCore core, PeerQueue q) {
        if (q == null) {
            return "UNKNOWN";
        }
        String empty = q.emptyStatus(core, q.joinEmpty);
        if (empty != null) {
            return "JOIN" + empty;
        }
        return q.maxlen > 0 && q.callers.size() >= q.maxlen ? "FULL" : null;
    }


    private static Entry join(PbxCore core, PeerChannel a, PeerQueue q) {
        int prio = parseInt(a.var("QUEUE_PRIO"));
        int position = 0;
        while (position < q.callers.size() && q.callers.get(position).prio >= prio) {
            position++;
        }
        Entry entry = new Entry(a, q, prio, core.clock.nowMicros(), position + 1);
        q.callers.add(position, entry);
        a.queueEntry = entry;
        if (q.callers.size() == 1) {
            core.deviceState("Queue:" + q.name, "RINGING");
        }
        AmiMessage m = AmiMessage.event("QueueCallerJoin");
        a.block(m, "");
        core.emit(m.add("Queue", q.name).add("Position", position + 1).add("Count", q.callers.size()), "agent");
        AmiMessage moh = AmiMessage.event("MusicOnHoldStart");
        a.block(moh, "");
        core.emit(moh.add("Class", q.musicClass), "call");
        if (a.call != null) {
            a.call.queued();
        }
        return entry;
    }

    static int parseInt(String s) {
        try {
            return s == null || s.isBlank() ? 0 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** autofill: a caller is served when fewer callers are ahead of it than there are free members. */
    private static boolean myTurn(PbxCore core, Entry entry) {
        int ahead = entry.queue.callers.indexOf(entry);
        long free = entry.queue.members.values().stream().filter(m -> available(core, entry.queue, m)).count();
        return ahead >= 0 && ahead < free;
    }

    static boolean available(PbxCore core, PeerQueue q, PeerQueue.Member m) {
        int status = core.memberStatus(m);
        boolean idle = status == 1 || (q.ringInUse && (status == 2 || status == 7));
        return !m.paused && !m.ringing && idle && m.penalty >= 0;
    }

    static Optional<PeerQueue.Member> pick(PbxCore core, PeerQueue q) {
        var candidates = q.members.values().stream().filter(m -> available(core, q, m));
        return switch (q.strategy) {
            case "leastrecent" -> candidates.min(Comparator.comparingLong((PeerQueue.Member m) -> m.lastCall)
                    .thenComparingInt(m -> m.penalty));
            case "fewestcalls" -> candidates.min(Comparator.comparingInt((PeerQueue.Member m) -> m.callsTaken)
                    .thenComparingInt(m -> m.penalty));
            default -> candidates.min(Comparator.comparingInt(m -> m.penalty));
        };
    }

    /** Removes the caller from the queue's list, with Queue:<name> NOT_INUSE when it empties. */
    static int remove(PbxCore core, Entry entry) {
        PeerQueue q = entry.queue;
        int position = q.callers.indexOf(entry) + 1;
        q.callers.remove(entry);
        if (q.callers.isEmpty()) {
            core.deviceState("Queue:" + q.name, "NOT_INUSE");
        }
        return position;
    }

    static void callerLeave(PbxCore core, Entry entry, int position) {
        AmiMessage m = AmiMessage.event("QueueCallerLeave");
        entry.caller.block(m, "");
        core.emit(m.add("Queue", entry.queue.name).add("Position", position).add("Count", entry.queue.callers.size()),
                "agent");
    }

    private static Outcome abandon(PbxCore core, Entry entry) {
        PeerChannel a = entry.caller;
        AmiMessage moh = AmiMessage.event("MusicOnHoldStop");
        a.block(moh, "");
        core.emit(moh, "call");
        recordAbandoned(core, entry);
        callerLeave(core, entry, remove(core, entry));
        a.queueEntry = null;
        return Outcome.HANGUP;
    }

    /**
     * app_queue's record_abandoned: the caller leaves the queue unanswered, whether it hung up, the Queue()
     * timeout ran out or the queue emptied (transcript 10d: QueueCallerAbandon when a tier's wait ends).
     */
    private static void recordAbandoned(PbxCore core, Entry entry) {
        PeerChannel a = entry.caller;
        PeerQueue q = entry.queue;
        core.setVariable(a, "ABANDONED", "TRUE");
        long hold = entry.holdSeconds(core.clock.nowMicros());
        int position = q.callers.indexOf(entry) + 1;
        AmiMessage m = AmiMessage.event("QueueCallerAbandon");
        a.block(m, "");
        core.emit(m.add("Queue", q.name).add("Position", position).add("OriginalPosition", entry.originalPosition)
                .add("HoldTime", hold), "agent");
        q.abandoned++;
        if (hold <= q.serviceLevel) {
            q.abandonedInSl++;
        }
    }

    private static void leave(PbxCore core, Entry entry, String status) {
        PeerChannel a = entry.caller;
        AmiMessage moh = AmiMessage.event("MusicOnHoldStop");
        a.block(moh, "");
        core.emit(moh, "call");
        callerLeave(core, entry, remove(core, entry));
        a.queueEntry = null;
        if (status != null) {
            core.setVariable(a, "QUEUESTATUS", status);
        }
    }

    /** The caller hung up: a conversation still open (possibly after a Redirect) completes now. */
    static void onHangupRequest(PbxCore core, PeerChannel c) {
        Entry entry = c.queueEntry;
        if (entry != null && entry.connected && !entry.completed) {
            QueueCall.complete(core, entry, "caller");
        }
    }
}
