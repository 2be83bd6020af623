package io.greenribbon.telephony.peer;

import io.greenribbon.telephony.peer.DialplanRunner.Outcome;

import java.util.Optional;

/**
 * SayDigits and ChanSpy, as the risk pages and join-calls use them. SayDigits plays digits/N for each
 * character; ChanSpy(prefix,options) spies on the first live channel whose name starts with the prefix
 * (the counsellor's PJSIP/&lt;extension&gt;-), with ChanSpyStart/ChanSpyStop on the AMI ({@code call} class).
 * Options the peer honours: {@code E} exit when the spied-on channel hangs up, {@code S} exit when there is
 * nothing to spy on; {@code q}, {@code w}, {@code B} change only the audio, which the peer does not carry.
 */
final class SpyApps {

    /** Length of one digit of Asterisk's core sounds (digits/0 … digits/9), about half a second. */
    private static final long DIGIT_MICROS = 500_000;
    /** How often ChanSpy looks again for a channel to spy on, as Asterisk's scan loop. */
    private static final long SCAN_MICROS = 1_000_000;

    private SpyApps() {
    }

    static Outcome sayDigits(DialplanRunner r, PeerChannel c, String data) {
        for (char ch : data.strip().toCharArray()) {
            if (Character.isDigit(ch) && !r.pause(DIGIT_MICROS)) {
                return r.interrupted();
            }
        }
        return Outcome.NEXT;
    }

    static Outcome chanSpy(DialplanRunner r, PeerChannel spyer, String data) {
        String[] args = data.split(",", 2);
        String prefix = args[0].strip();
        String options = args.length > 1 ? args[1] : "";
        PbxCore core = r.core;
        while (true) {
            Optional<PeerChannel> target = core.channels.values().stream()
                    .filter(ch -> ch != spyer && !ch.hangupRequested && ch.name.startsWith(prefix)).findFirst();
            if (target.isEmpty()) {
                if (options.contains("S")) {
                    return Outcome.NEXT;
                }
                if (!r.pause(SCAN_MICROS)) {
                    return r.interrupted();
                }
                continue;
            }
            PeerChannel spyee = target.get();
            core.emit(spyEvent("ChanSpyStart", spyer, spyee), "call");
            core.awaitUntil(0, () -> spyer.hangupRequested || spyer.jump != null || spyee.hangupRequested
                    || !core.channels.containsKey(spyee.name));
            core.emit(spyEvent("ChanSpyStop", spyer, spyee), "call");
            if (spyer.hangupRequested || spyer.jump != null) {
                return r.interrupted();
            }
            if (options.contains("E")) {
                return Outcome.NEXT;
            }
        }
    }

    private static AmiMessage spyEvent(String name, PeerChannel spyer, PeerChannel spyee) {
        AmiMessage m = AmiMessage.event(name);
        spyer.block(m, "Spyer");
        spyee.block(m, "Spyee");
        return m;
    }
}
