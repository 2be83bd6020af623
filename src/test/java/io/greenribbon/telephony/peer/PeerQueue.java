package io.greenribbon.telephony.peer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** One app_queue queue of the peer: its settings from queues.conf, members, waiting callers, statistics. */
final class PeerQueue {

    /** A queue member, as app_queue keeps it. */
    static final class Member {
        final String iface;
        final String name;
        final String stateIface;
        int penalty;
        boolean paused;
        String reason = "";
        long lastPause;
        final long loginTime;
        int callsTaken;
        long lastCall;
        boolean inCall;
        /** Set while a caller's attempt rings this member. */
        boolean ringing;

        Member(String iface, String name, String stateIface, int penalty, boolean paused, long loginTime) {
            this.iface = iface;
            this.name = name;
            this.stateIface = stateIface;
            this.penalty = penalty;
            this.paused = paused;
            this.loginTime = loginTime;
        }
    }

    final String name;
    final String strategy;
    final int ringTimeout;
    final int retry;
    final boolean timeoutPriorityApp;
    final boolean ringInUse;
    final String autopause;
    final boolean autopauseBusy;
    final boolean autopauseUnavail;
    final int wrapuptime;
    final int serviceLevel;
    final Set<String> joinEmpty;
    final Set<String> leaveWhenEmpty;
    final int maxlen;
    final int weight;
    final boolean setInterfaceVar;
    final boolean setQueueEntryVar;
    final boolean setQueueVar;
    final String musicClass;
    /** membergosub: a context run (from s,1 to its Return) on the member's channel once it answers. */
    final String memberGosub;
    final Map<String, Member> members = new LinkedHashMap<>();
    final List<QueueApp.Entry> callers = new ArrayList<>();
    int completed;
    int abandoned;
    int completedInSl;
    int abandonedInSl;
    long holdtime;
    long talktime;

    PeerQueue(String name, Map<String, String> s) {
        this.name = name;
        this.strategy = s.getOrDefault("strategy", "ringall");
        this.ringTimeout = Integer.parseInt(s.getOrDefault("timeout", "15"));
        this.retry = Integer.parseInt(s.getOrDefault("retry", "5"));
        this.timeoutPriorityApp = !"conf".equals(s.getOrDefault("timeoutpriority", "app"));
        this.ringInUse = yes(s.getOrDefault("ringinuse", "yes"));
        this.autopause = s.getOrDefault("autopause", "no").toLowerCase(Locale.ROOT);
        this.autopauseBusy = yes(s.getOrDefault("autopausebusy", "no"));
        this.autopauseUnavail = yes(s.getOrDefault("autopauseunavail", "no"));
        this.wrapuptime = Integer.parseInt(s.getOrDefault("wrapuptime", "0"));
        this.serviceLevel = Integer.parseInt(s.getOrDefault("servicelevel", "0"));
        this.joinEmpty = emptyRule(s.getOrDefault("joinempty", "yes"), true);
        this.leaveWhenEmpty = emptyRule(s.getOrDefault("leavewhenempty", "no"), false);
        this.maxlen = Integer.parseInt(s.getOrDefault("maxlen", "0"));
        this.weight = Integer.parseInt(s.getOrDefault("weight", "0"));
        this.memberGosub = s.getOrDefault("membergosub", "").strip();
        this.setInterfaceVar = yes(s.getOrDefault("setinterfacevar", "no"));
        this.setQueueEntryVar = yes(s.getOrDefault("setqueueentryvar", "no"));
        this.setQueueVar = yes(s.getOrDefault("setqueuevar", "no"));
        this.musicClass = s.getOrDefault("musicclass", "default");
    }

    static boolean yes(String v) {
        return Set.of("yes", "true", "y", "t", "1", "on").contains(v.strip().toLowerCase(Locale.ROOT));
    }

    /** app_queue's joinempty/leavewhenempty values: a factor list, or the legacy yes/no/strict/loose. */
    static Set<String> emptyRule(String value, boolean join) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        String list = switch (v) {
            case "yes" -> join ? "" : "penalty,paused,invalid";
            case "no" -> join ? "penalty,paused,invalid" : "";
            case "strict" -> "penalty,paused,invalid,unavailable";
            case "loose" -> "penalty,invalid";
            default -> v;
        };
        return Arrays.stream(list.split(",")).map(String::strip).filter(x -> !x.isEmpty()).collect(Collectors.toSet());
    }

    /**
     * app_queue's get_member_status: whether the caller may join/stay given the factors. Returns null when
     * allowed, else the QUEUESTATUS reason (EMPTY when no member at all, UNAVAIL when none reachable).
     */
    String emptyStatus(PbxCore core, Set<String> factors) {
        if (factors.isEmpty()) {
            return null;
        }
        if (members.isEmpty()) {
            return "EMPTY";
        }
        boolean anyReachable = false;
        for (Member m : members.values()) {
            int status = core.memberStatus(m);
            if (factors.contains("paused") && m.paused) {
                continue;
            }
            if (factors.contains("unavailable") && status == 5) {
                continue;
            }
            if (factors.contains("invalid") && status == 4) {
                continue;
            }
            if (factors.contains("unknown") && status == 0) {
                continue;
            }
            if (factors.contains("inuse") && (status == 2 || status == 3 || status == 7 || m.inCall)) {
                continue;
            }
            if (factors.contains("ringing") && (status == 6 || m.ringing)) {
                continue;
            }
            anyReachable = true;
        }
        return anyReachable ? null : "UNAVAIL";
    }

    void memberBlock(AmiMessage m, Member x, int status, boolean listItem) {
        m.add("Queue", name);
        m.add(listItem ? "Name" : "MemberName", x.name);
        m.add(listItem ? "Location" : "Interface", x.iface);
        m.add("StateInterface", x.stateIface)
                .add("Membership", "dynamic")
                .add("Penalty", x.penalty)
                .add("CallsTaken", x.callsTaken)
                .add("LastCall", x.lastCall)
                .add("LastPause", x.lastPause)
                .add("LoginTime", x.loginTime)
                .add("InCall", x.inCall ? 1 : 0)
                .add("Status", status)
                .add("Paused", x.paused ? 1 : 0)
                .add("PausedReason", x.reason);
        if (!listItem) {
            m.add("Ringinuse", ringInUse ? 1 : 0);
        }
        m.add("Wrapuptime", wrapuptime);
    }

    void memberEvent(PbxCore core, String event, Member x) {
        AmiMessage m = AmiMessage.event(event);
        memberBlock(m, x, core.memberStatus(x), false);
        core.emit(m, "agent");
    }

    /** The device state of a member's state interface changed: QueueMemberStatus and the queue's pseudo-devices. */
    void memberDeviceChanged(PbxCore core, String stateIface) {
        for (Member x : members.values()) {
            if (x.stateIface.equals(stateIface)) {
                memberEvent(core, "QueueMemberStatus", x);
            }
        }
        availability(core);
    }

    /** {@code Queue:<name>_avail}: NOT_INUSE while some member can take a call. */
    void availability(PbxCore core) {
        if (members.isEmpty() && !core.deviceStates.containsKey("Queue:" + name + "_avail")) {
            return;
        }
        boolean free = members.values().stream().anyMatch(x -> !x.paused && core.memberStatus(x) == 1);
        core.deviceState("Queue:" + name + "_avail", free ? "NOT_INUSE" : "INUSE");
    }

    String perf(int inSl, int total) {
        return String.format(Locale.ROOT, "%.1f", total == 0 ? 0.0 : 100.0 * inSl / total);
    }

    /** The exponential averages app_queue keeps (the first call sets them). */
    void recordHoldtime(long seconds) {
        holdtime = completed + abandoned == 0 ? seconds : ((holdtime << 2) - holdtime + seconds) >> 2;
    }

    void recordTalktime(long seconds) {
        talktime = completed <= 1 ? seconds : ((talktime << 2) - talktime + seconds) >> 2;
    }
}
