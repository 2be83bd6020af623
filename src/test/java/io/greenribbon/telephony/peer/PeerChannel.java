package io.greenribbon.telephony.peer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/** One channel in the peer PBX, with the state Asterisk reports about it. Guarded by the PBX lock. */
final class PeerChannel {

    static final int DOWN = 0;
    static final int RING = 4;
    static final int RINGING = 5;
    static final int UP = 6;

    /** A channel variable; {@code inherit} is 0, 1 ({@code _}) or 2 ({@code __}). */
    record Var(String value, int inherit) {
    }

    /** A key the caller pressed, and how it was signalled ({@code rfc4733} or {@code info}). */
    record Dtmf(char digit, boolean info, long durationMs) {
    }

    /** Where a Redirect or transfer sends the channel next. */
    record Jump(String context, String exten, int priority) {
    }

    /**
     * A Gosub() frame (app_stack): where Return() goes back to, and the variables its LOCAL()s shadow, each
     * with the value it had before (null: unset), which Return() exposes again.
     */
    record Frame(String context, String exten, int priority, Map<String, Var> shadowed) {
        Frame(String context, String exten, int priority) {
            this(context, exten, priority, new LinkedHashMap<>());
        }
    }

    final String name;
    final String uniqueId;
    String linkedId;
    final String endpoint;
    final long createdMicros;
    int state = DOWN;
    String callerNum = "";
    String callerName = "";
    String connectedNum = "";
    String connectedName = "";
    String language = "en";
    String context;
    String exten;
    int priority = 1;
    String dnid = "";
    String rdnis = "";
    String app = "";
    String appData = "";
    /** Where the channel was and what it ran last outside the h extension: what its CDR reports. */
    String cdrExten;
    String cdrContext;
    String cdrApp = "";
    String cdrAppData = "";
    final Map<String, Var> vars = new LinkedHashMap<>();
    final Deque<Dtmf> dtmf = new ArrayDeque<>();
    long answeredMicros;
    boolean hangupRequested;
    int hangupCause = 16;
    /** The SIP response behind a hang-up (486, 480, 408), reported in Hangup as TechCause. */
    Integer techCause;
    boolean gone;
    boolean softHangupSent;
    /** Whether this channel counts in its endpoint's calls / ringing (device state). */
    boolean countedAsCall;
    boolean countedAsRinging;
    Bridge bridge;
    Jump jump;
    /** The jump was applied (and announced) by the application it interrupted. */
    boolean jumpApplied;
    /** Set by a BlindTransfer action: the transferer's channel. */
    PeerChannel transferredBy;
    /** What a blind transfer still has to report once the transferee's next Dial has begun. */
    Runnable afterDialBegin;
    /**
     * What ends with this channel, after its Hangup: the other leg of a Dial the caller hung up on, which
     * Asterisk hangs up on the bridge's own thread once the caller's channel is gone (transcripts 10a, 10b).
     */
    Runnable afterGone;
    /** The AGI session running on this channel, if any (unsolicited HANGUP goes there). */
    FastAgiClient agi;
    /** True while an application reads keys: keys pressed otherwise are lost. */
    boolean reading;
    /** The scripted caller behind an inbound channel (tests, the control endpoint). */
    PeerCall call;
    /** CDR(userfield) as the dialplan set it: every later CDR segment of this channel carries it too. */
    String cdrUserfield = "";
    /** The CDR segment being recorded for this channel when it is an A leg. */
    CdrEngine.Record cdr;
    /** While the caller waits in a queue or is bridged with a member: the queue call. */
    QueueApp.Entry queueEntry;
    /** The Gosub() frames the channel is in, innermost first. */
    final Deque<Frame> gosubStack = new ArrayDeque<>();

    PeerChannel(String name, String uniqueId, String linkedId, String endpoint, long createdMicros) {
        this.name = name;
        this.uniqueId = uniqueId;
        this.linkedId = linkedId;
        this.endpoint = endpoint;
        this.createdMicros = createdMicros;
    }

    static String stateDesc(int state) {
        return switch (state) {
            case 0 -> "Down";
            case 1 -> "Rsrvd";
            case 2 -> "OffHook";
            case 3 -> "Dialing";
            case 4 -> "Ring";
            case 5 -> "Ringing";
            case 6 -> "Up";
            case 7 -> "Busy";
            default -> "Unknown";
        };
    }

    /** A variable, looked up without its inheritance prefix. */
    String var(String name) {
        Var v = vars.get(strip(name));
        return v == null ? null : v.value();
    }

    void setVar(String name, String value) {
        int inherit = name.startsWith("__") ? 2 : name.startsWith("_") ? 1 : 0;
        vars.put(strip(name), new Var(value, inherit));
    }

    static String strip(String name) {
        int i = 0;
        while (i < name.length() && i < 2 && name.charAt(i) == '_') {
            i++;
        }
        return name.substring(i);
    }

    /** The variables a channel created by this one inherits, with the names Asterisk reports for them. */
    Map<String, String> inheritable() {
        Map<String, String> out = new LinkedHashMap<>();
        vars.forEach((k, v) -> {
            if (v.inherit() == 2) {
                out.put("__" + k, v.value());
            } else if (v.inherit() == 1) {
                out.put(k, v.value());
            }
        });
        return out;
    }

    boolean up() {
        return state == UP;
    }

    /** The channel's fields as AMI prints them, with a prefix ({@code Dest}, {@code Transferer}, ...). */
    void block(AmiMessage m, String prefix) {
        m.add(prefix + "Channel", name)
                .add(prefix + "ChannelState", state)
                .add(prefix + "ChannelStateDesc", stateDesc(state))
                .add(prefix + "CallerIDNum", orUnknown(callerNum))
                .add(prefix + "CallerIDName", orUnknown(callerName))
                .add(prefix + "ConnectedLineNum", orUnknown(connectedNum))
                .add(prefix + "ConnectedLineName", orUnknown(connectedName))
                .add(prefix + "Language", language)
                .add(prefix + "AccountCode", "")
                .add(prefix + "Context", context)
                .add(prefix + "Exten", exten)
                .add(prefix + "Priority", priority)
                .add(prefix + "Uniqueid", uniqueId)
                .add(prefix + "Linkedid", linkedId);
    }

    static String orUnknown(String s) {
        return s == null || s.isEmpty() ? "<unknown>" : s;
    }

    /** {@code CALLERID(all)}: {@code "name" <num>}. */
    String callerAll() {
        return "\"" + callerName + "\" <" + callerNum + ">";
    }

    @Override
    public String toString() {
        return name + "(" + uniqueId + ")";
    }
}
