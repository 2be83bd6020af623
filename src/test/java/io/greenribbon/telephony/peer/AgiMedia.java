package io.greenribbon.telephony.peer;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The AGI commands that play sound or read keys, in PBX time, interrupted by keys or a hang-up. */
final class AgiMedia {

    private AgiMedia() {
    }

    static String streamFile(FastAgiClient client, String file, String escape) {
        PbxCore core = client.core;
        PeerChannel c = client.channel;
        Optional<Duration> length = core.config.sound(file);
        if (length.isEmpty()) {
            return "200 result=-1 endpos=0\n";
        }
        heard(c, file);
        long start = core.clock.nowMicros();
        long end = start + length.get().toNanos() / 1000;
        Character digit = readKey(core, c, end, escape);
        long played = Math.min(core.clock.nowMicros(), end) - start;
        long endpos = played * 8 / 1000;
        if (c.hangupRequested) {
            return "200 result=-1 endpos=" + endpos + "\n";
        }
        core.setVariable(c, "PLAYBACKSTATUS", "SUCCESS");
        if (digit != null) {
            return "200 result=" + (int) digit + " endpos=" + endpos + "\n";
        }
        return "200 result=0 endpos=" + (length.get().toMillis() * 8) + "\n";
    }

    /** GET DATA: the prompt (any key interrupts it), then keys until {@code max} or {@code timeout} ms. */
    static String getData(FastAgiClient client, String file, long timeoutMs, int max) {
        PbxCore core = client.core;
        PeerChannel c = client.channel;
        StringBuilder digits = new StringBuilder();
        Optional<Duration> length = core.config.sound(file);
        if (length.isPresent()) {
            heard(c, file);
            Character first = readKey(core, c, core.clock.nowMicros() + length.get().toNanos() / 1000, "0123456789*#");
            if (c.hangupRequested) {
                return "200 result=-1\n";
            }
            if (first != null) {
                digits.append(first);
            }
        }
        long wait = (timeoutMs <= 0 ? 5000 : timeoutMs) * 1000;
        while (digits.length() < max) {
            Character next = readKey(core, c, core.clock.nowMicros() + wait, "0123456789*#");
            if (c.hangupRequested) {
                return "200 result=-1\n";
            }
            if (next == null) {
                return "200 result=" + digits + " (timeout)\n";
            }
            if (next == '#') {
                break;
            }
            digits.append(next);
        }
        return "200 result=" + digits + "\n";
    }

    static String waitForDigit(FastAgiClient client, long timeoutMs) {
        PbxCore core = client.core;
        PeerChannel c = client.channel;
        long until = timeoutMs < 0 ? 0 : core.clock.nowMicros() + timeoutMs * 1000;
        Character digit = readKey(core, c, until, "0123456789*#ABCD");
        if (c.hangupRequested) {
            return "200 result=-1\n";
        }
        return digit == null ? "200 result=0\n" : "200 result=" + (int) digit + "\n";
    }

    static void pause(FastAgiClient client, long ms) {
        client.core.awaitUntil(client.core.clock.nowMicros() + ms * 1000, () -> client.channel.hangupRequested);
    }

    static String music(FastAgiClient client, List<String> args) {
        PbxCore core = client.core;
        boolean on = args.get(0).equalsIgnoreCase("on");
        AmiMessage m = AmiMessage.event(on ? "MusicOnHoldStart" : "MusicOnHoldStop");
        client.channel.block(m, "");
        if (on) {
            m.add("Class", args.size() > 1 ? args.get(1) : "default");
        }
        core.emit(m, "call");
        return "200 result=0\n";
    }

    /** The caller starts hearing {@code file} (lock held). */
    static void heard(PeerChannel c, String file) {
        if (c.call != null) {
            c.call.heard(file);
        }
    }

    /**
     * Waits for a key among {@code accept} until PBX time {@code until} (0: forever), the caller hanging up,
     * or the channel being moved. Keys pressed while nobody reads are lost, as in Asterisk; with no key to
     * accept, it only waits.
     */
    static Character readKey(PbxCore core, PeerChannel c, long until, String accept) {
        c.dtmf.clear();
        c.reading = true;
        try {
            // A command that accepts no key (STREAM FILE with no escape digits) does not read keys.
            if (c.call != null && !accept.isEmpty()) {
                c.call.reading(core, c);
            }
            core.awaitUntil(until, () -> c.hangupRequested || !c.dtmf.isEmpty());
            while (!c.dtmf.isEmpty()) {
                char d = c.dtmf.poll().digit();
                if (accept.indexOf(d) >= 0) {
                    return d;
                }
            }
            return null;
        } finally {
            c.reading = false;
        }
    }
}
