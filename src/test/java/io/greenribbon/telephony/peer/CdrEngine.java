package io.greenribbon.telephony.peer;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Call detail records the way Asterisk's CDR engine writes them for the peer's calls: one record per
 * bridged (or dialled) segment of an A leg, dispatched when the A leg hangs up, as {@code Cdr} events
 * (cdr_manager) and as rows of {@code asterisk_cdr} (cdr_pgsql).
 */
final class CdrEngine {

    /** One record. Times in PBX microseconds; {@code answer} 0 when never answered. */
    static final class Record {
        final PeerChannel a;
        String clid;
        String src;
        String dst;
        String dcontext;
        String channel;
        String dstChannel = "";
        String lastApp = "";
        String lastData = "";
        long start;
        long answer;
        long end;
        String disposition;
        boolean finished;
        boolean bAnswered;
        boolean bFailed;
        String bStatus = "";
        String userfield;
        /** A record of the h extension alone: it is dispatched after the channel's Hangup. */
        boolean hExtension;
        /** CDR(name)=value of party A and, where A has none of that name, of party B (cdr.c). */
        final java.util.Map<String, String> variables = new java.util.LinkedHashMap<>();
        final java.util.Map<String, String> partyBVariables = new java.util.LinkedHashMap<>();

        Record(PeerChannel a, long start) {
            this.a = a;
            this.userfield = a.cdrUserfield;
            this.start = start;
            this.answer = a.up() ? start : 0;
            this.channel = a.name;
        }

        long durationSeconds() {
            return (end - start) / 1_000_000L;
        }

        long billSeconds() {
            return answer == 0 ? 0 : (end - answer) / 1_000_000L;
        }
    }

    private static final DateTimeFormatter AMI_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final PbxCore core;
    private final ZoneId zone;
    private final CdrWriter writer;

    CdrEngine(PbxCore core, ZoneId zone, CdrWriter writer) {
        this.core = core;
        this.zone = zone;
        this.writer = writer;
    }

    /** An A leg begins: its first record starts with the channel. */
    void begin(PeerChannel a) {
        a.cdr = new Record(a, a.createdMicros);
        records(a).add(a.cdr);
    }

    private List<Record> records(PeerChannel a) {
        return core.cdrRecords.computeIfAbsent(a.uniqueId, k -> new ArrayList<>());
    }

    /**
     * CDR(userfield)=value: cdr.c sets it on the channel's records that are not finalized and on its last
     * one, and a record forked later copies it from party A.
     */
    void userfield(PeerChannel a, String value) {
        a.cdrUserfield = value;
        List<Record> list = core.cdrRecords.get(a.uniqueId);
        if (list == null) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            Record r = list.get(i);
            if (!r.finished || i == list.size() - 1) {
                r.userfield = value;
            }
        }
    }

    /**
     * CDR(name)=value on channel {@code c}: cdr.c's ast_cdr_setvar sets it on every record not finalized (and
     * the last) where {@code c} is party A, and as a party B variable where it is party B: a queue member's
     * leg writing CDR(x) writes into the caller's record with it.
     */
    void variable(PeerChannel c, String name, String value) {
        for (List<Record> list : core.cdrRecords.values()) {
            for (int i = 0; i < list.size(); i++) {
                Record r = list.get(i);
                boolean open = !r.finished || i == list.size() - 1;
                if (!open) {
                    continue;
                }
                if (r.a == c) {
                    r.variables.put(name.toLowerCase(java.util.Locale.ROOT), value);
                } else if (c.name.equals(r.dstChannel)) {
                    r.partyBVariables.put(name.toLowerCase(java.util.Locale.ROOT), value);
                }
            }
        }
    }

    /** A variable of the record as backends see it: party A's, else party B's. */
    static String variable(Record r, String name) {
        String key = name.toLowerCase(java.util.Locale.ROOT);
        String a = r.variables.get(key);
        return a != null ? a : r.partyBVariables.get(key);
    }

    void answered(PeerChannel a, long micros) {
        if (a.cdr != null && a.cdr.answer == 0) {
            a.cdr.answer = micros;
        }
    }

    /** The A leg starts dialling B: a finished record forks a new one. */
    void dialBegin(PeerChannel a, PeerChannel b) {
        if (a.cdr == null) {
            return;
        }
        if (a.cdr.finished) {
            Record next = new Record(a, core.clock.nowMicros());
            a.cdr = next;
            records(a).add(next);
        }
        a.cdr.dstChannel = b.name;
        a.cdr.bFailed = false;
    }

    /** A runs dialplan after its last record ended (the h extension): that is a record of its own. */
    void dialplanAfterBridge(PeerChannel a) {
        if (a.cdr != null && a.cdr.finished) {
            Record next = new Record(a, core.clock.nowMicros());
            next.hExtension = true;
            a.cdr = next;
            records(a).add(next);
        }
    }

    /** B did not answer (or was busy): the record ends here with that status. */
    void dialFailed(PeerChannel a, String dialStatus) {
        if (a.cdr == null || a.cdr.bAnswered) {
            return;
        }
        a.cdr.bFailed = true;
        a.cdr.bStatus = dialStatus;
        finish(a, a.cdr);
    }

    void bAnswered(PeerChannel a) {
        if (a.cdr != null) {
            a.cdr.bAnswered = true;
        }
    }

    /** A left the bridge with B: the record ends; what follows is a new segment. */
    void bridgeEnded(PeerChannel a) {
        if (a.cdr != null && !a.cdr.finished) {
            finish(a, a.cdr);
        }
    }

    private void finish(PeerChannel a, Record r) {
        r.end = core.clock.nowMicros();
        r.clid = a.callerAll();
        r.src = a.callerNum;
        r.lastApp = a.cdrApp;
        r.lastData = fitted(a.cdrAppData);
        r.dst = a.cdrExten;
        r.dcontext = a.cdrContext;
        r.disposition = r.bAnswered ? "ANSWERED"
                : r.bFailed ? ("BUSY".equals(r.bStatus) ? "BUSY" : "NO ANSWER")
                : r.answer != 0 ? "ANSWERED" : "NO ANSWER";
        r.finished = true;
    }

    /** cdr.c keeps application data in a field of 80 bytes: 79 characters and the terminator. */
    private static String fitted(String value) {
        return value.length() > 79 ? value.substring(0, 79) : value;
    }

    /**
     * A hung up: finish the open record and dispatch the call's records, but the h extension's own, which
     * follows the channel's Hangup ({@link #gone}; transcripts 10a-10e).
     */
    void hangup(PeerChannel a) {
        List<Record> list = core.cdrRecords.get(a.uniqueId);
        if (list == null) {
            return;
        }
        for (Record r : List.copyOf(list)) {
            if (!r.finished) {
                finish(a, r);
            }
            if (!r.hExtension) {
                dispatch(a, r);
                list.remove(r);
            }
        }
    }

    /** A's channel is gone: the records still held go out. */
    void gone(PeerChannel a) {
        List<Record> list = core.cdrRecords.remove(a.uniqueId);
        if (list != null) {
            list.forEach(r -> dispatch(a, r));
        }
    }

    private void dispatch(PeerChannel a, Record r) {
        core.emit(event(r), "cdr");
        if (writer != null && core.cdrWrites) {
            writer.write(r, a);
        }
    }

    private AmiMessage event(Record r) {
        return AmiMessage.event("Cdr")
                .add("AccountCode", "")
                .add("Source", r.src)
                .add("Destination", r.dst)
                .add("DestinationContext", r.dcontext)
                .add("CallerID", r.clid)
                .add("Channel", r.channel)
                .add("DestinationChannel", r.dstChannel)
                .add("LastApplication", r.lastApp)
                .add("LastData", r.lastData)
                .add("StartTime", format(r.start))
                .add("AnswerTime", r.answer == 0 ? "" : format(r.answer))
                .add("EndTime", format(r.end))
                .add("Duration", r.durationSeconds())
                .add("BillableSeconds", r.billSeconds())
                .add("Disposition", r.disposition)
                .add("AMAFlags", "DOCUMENTATION")
                .add("UniqueID", r.a.uniqueId)
                .add("UserField", r.userfield);
    }

    private String format(long micros) {
        return AMI_TIME.format(Instant.ofEpochSecond(micros / 1_000_000L).atZone(zone));
    }
}
