package io.greenribbon.telephony.peer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares what the peer sent with what Asterisk sent, modulo times, ids and counters: Timestamp, the
 * epoch part of Uniqueids (the per-boot counter after the dot is compared), session ids and addresses,
 * bridge UUIDs, command ids, wall-clock times; durations may differ by the clock's granularity.
 *
 * <p>Asterisk emits a call's events from several threads, so unrelated events interleave differently from
 * run to run (03 and 05a order the same DeviceStateChange and QueueMemberStatus differently). Call events
 * are therefore compared per group: each group (one channel, one device, one queue member, one bridge,
 * one dial, the CDRs, the responses) must hold the same messages in the same order. Values the
 * recordings themselves show both ways are not compared: QueueMemberStatus's InCall while a member is
 * connected (0 in 03, 1 in 08a), the state of an originated channel in DialBegin (Down in 06a,
 * Ringing in 06b), and the state of the dialled channel in DialState (Down in 10c, where DialState was
 * published before the leg's own Newstate, Ringing everywhere else).
 */
final class WireCompare {

    private static final Pattern EPOCH_ID = Pattern.compile("\\b1\\d{9}\\.(\\d+)\\b");
    private static final Pattern PORT = Pattern.compile("(127\\.0\\.0\\.\\d{1,3}):\\d{2,5}/");
    private static final Set<String> SECONDS = Set.of("HoldTime", "TalkTime", "Holdtime", "Wait", "Duration",
            "BillableSeconds", "LongestHoldTime", "RingTime", "Uptime", "LastReload");
    private static final Set<String> RACY = Set.of("QueueMemberStatus.InCall");

    private final Map<String, String> bridgeIds = new HashMap<>();

    /** One message, normalized, as "Key: Value" lines. */
    List<String> normalize(AmiMessage m) {
        List<String> out = new ArrayList<>();
        String event = m.get("Event").orElse("");
        for (AmiMessage.Field f : m.fields()) {
            String k = f.key();
            String v = f.value();
            boolean originateDial = event.equals("DialBegin") && m.get("Channel").isEmpty();
            boolean ringing = event.equals("DialState");
            if (RACY.contains(event + "." + k) || (originateDial || ringing) && k.startsWith("DestChannelState")) {
                v = "<racy>";
            } else if (k.equals("Timestamp")) {
                v = "<ts>";
            } else if (k.equals("EventTV") || k.equals("SessionTV")) {
                v = v.startsWith("1970") ? v : "<tv>";
            } else if (k.equals("SessionID") || k.equals("Challenge") || k.equals("CommandId")) {
                v = "<id>";
            } else if (k.equals("LocalAddress") || k.equals("RemoteAddress")) {
                v = "IPV4/TCP/<address>";
            } else if (k.equals("BridgeUniqueid")) {
                v = bridgeIds.computeIfAbsent(v, x -> "<bridge" + bridgeIds.size() + ">");
            } else if (Set.of("StartTime", "AnswerTime", "EndTime").contains(k) && !v.isEmpty()) {
                v = "<time>";
            } else if (k.startsWith("Core") && (k.endsWith("Date") || k.endsWith("Time"))) {
                v = "<time>";
            } else if (Set.of("LoginTime", "LastPause", "LastCall").contains(k) && !v.equals("0")) {
                v = "<epoch>";
            } else if (k.equals("Key")) {
                v = "<key>";
            } else {
                v = PORT.matcher(EPOCH_ID.matcher(v).replaceAll("<epoch>.$1")).replaceAll("$1:<port>/");
            }
            out.add(k + ": " + v);
        }
        return out;
    }

    /** Which ordering group a message belongs to. */
    static String group(AmiMessage m) {
        String event = m.get("Event").orElse(null);
        if (event == null || m.get("Privilege").isEmpty()) {
            return "responses";
        }
        return switch (event) {
            case "DeviceStateChange" -> "device:" + m.require("Device");
            case "Cdr" -> "cdr";
            case "QueueMemberStatus", "QueueMemberPause", "QueueMemberAdded", "QueueMemberRemoved",
                 "QueueMemberPenalty" -> "member:" + m.require("Queue") + m.require("Interface");
            case "BridgeCreate", "BridgeEnter", "BridgeLeave", "BridgeDestroy" -> "bridge:" + m.require("BridgeUniqueid");
            case "DialBegin", "DialState", "DialEnd" -> "dial:" + m.require("DestUniqueid");
            case "AgentCalled", "AgentConnect", "AgentComplete", "AgentRingNoAnswer", "QueueCallerJoin",
                 "QueueCallerLeave", "QueueCallerAbandon" -> "queue:" + m.require("Uniqueid");
            case "OriginateResponse" -> "originate:" + m.require("ActionID");
            case "BlindTransfer" -> "transfer";
            case "FullyBooted", "Shutdown", "PeerStatus", "SuccessfulAuth", "InvalidPassword", "InvalidAccountID",
                 "RequestNotAllowed", "RequestBadFormat", "FailedACL" -> "system";
            default -> m.get("Uniqueid").map(u -> "channel:" + u).orElse("other:" + event);
        };
    }

    /**
     * The differences between the recorded and the peer's messages, grouped ({@code grouped}) or in strict
     * order. Empty when they agree.
     */
    List<String> compare(List<AmiMessage> recorded, List<AmiMessage> peer, boolean grouped) {
        Map<String, List<AmiMessage>> a = split(recorded, grouped);
        Map<String, List<AmiMessage>> b = split(peer, grouped);
        List<String> problems = new ArrayList<>();
        for (String key : union(a.keySet(), b.keySet())) {
            List<AmiMessage> x = a.getOrDefault(key, List.of());
            List<AmiMessage> y = b.getOrDefault(key, List.of());
            WireCompare left = new WireCompare();
            WireCompare right = new WireCompare();
            for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
                if (i >= x.size()) {
                    problems.add("[" + key + "] the peer sent more: " + y.get(i));
                    break;
                }
                if (i >= y.size()) {
                    problems.add("[" + key + "] the peer did not send #" + i + ": " + x.get(i));
                    break;
                }
                String diff = difference(left.normalize(x.get(i)), right.normalize(y.get(i)));
                if (diff != null) {
                    problems.add("[" + key + "] #" + i + " " + x.get(i).name() + ": " + diff);
                    break;
                }
            }
        }
        return problems;
    }

    private static List<String> union(Set<String> a, Set<String> b) {
        List<String> out = new ArrayList<>(a);
        b.stream().filter(k -> !a.contains(k)).forEach(out::add);
        return out;
    }

    private Map<String, List<AmiMessage>> split(List<AmiMessage> messages, boolean grouped) {
        Map<String, List<AmiMessage>> out = new LinkedHashMap<>();
        Map<String, String> bridges = new HashMap<>();
        for (AmiMessage m : messages) {
            String key = grouped ? group(m) : "all";
            if (key.startsWith("bridge:")) {
                key = "bridge:" + bridges.computeIfAbsent(key, k -> String.valueOf(bridges.size()));
            }
            key = EPOCH_ID.matcher(key).replaceAll("<epoch>.$1");
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
        }
        return out;
    }

    static String difference(List<String> expected, List<String> actual) {
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String e = i < expected.size() ? expected.get(i) : "<none>";
            String a = i < actual.size() ? actual.get(i) : "<none>";
            if (!e.equals(a) && !closeEnough(e, a)) {
                return "expected '" + e + "' but the peer sent '" + a + "'";
            }
        }
        return null;
    }

    private static boolean closeEnough(String e, String a) {
        int ce = e.indexOf(": ");
        int ca = a.indexOf(": ");
        if (ce < 0 || ca < 0 || !e.substring(0, ce).equals(a.substring(0, ca)) || !SECONDS.contains(e.substring(0, ce))) {
            return false;
        }
        try {
            long x = Long.parseLong(e.substring(ce + 2));
            long y = Long.parseLong(a.substring(ca + 2));
            // How long the PBX had been up when the client logged in depends on how soon a loaded machine
            // got the client there, not on the PBX.
            boolean sinceStart = e.startsWith("Uptime") || e.startsWith("LastReload");
            long tolerance = x >= 1000 || y >= 1000 ? 400 : sinceStart ? 5 : 1;
            return Math.abs(x - y) <= tolerance;
        } catch (NumberFormatException ex) {
            return false;
        }
    }

    /** Normalizes one FastAGI line (thread ids, the epoch of Uniqueids, the server's port). */
    static String normalizeAgi(String line) {
        if (line.startsWith("agi_threadid: ")) {
            return "agi_threadid: <thread>";
        }
        return PORT.matcher(EPOCH_ID.matcher(line).replaceAll("<epoch>.$1")).replaceAll("$1:<port>/");
    }
}
