package io.greenribbon.telephony.ami;

import io.greenribbon.telephony.Pbx;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/** Asterisk-Java list events as the {@link Pbx} records. */
final class AmiRecords {

    private AmiRecords() {
    }

    static Pbx.ActiveChannel channel(CoreShowChannelEvent c) {
        return new Pbx.ActiveChannel(c.getChannel(), c.getUniqueid(), text(c.getLinkedid()), text(c.getContext()),
                text(c.getExtension()), c.getPriority() == null ? 0 : c.getPriority(), text(c.getChannelStateDesc()),
                text(c.getApplication()), text(c.getApplicationdata()), text(c.getCallerIdNum()),
                text(c.getConnectedLineNum()), duration(c.getDuration()), text(c.getBridgeid()));
    }

    static Pbx.WaitingCaller caller(QueueEntryEvent q) {
        return new Pbx.WaitingCaller(q.getQueue(), q.getUniqueId(), q.getChannel(), q.getPosition() == null ? 0 : q.getPosition(),
                q.getPriority() == null ? 0 : q.getPriority(), Duration.ofSeconds(q.getWait() == null ? 0 : q.getWait()),
                text(q.getCallerIdNum()));
    }

    /** Asterisk's {@code Timestamp} text: epoch seconds with up to six decimals. */
    static Instant instant(String timestamp) {
        BigDecimal seconds = new BigDecimal(timestamp.strip());
        long micros = seconds.movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValueExact();
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }

    private static Duration duration(String hhmmss) {
        if (hhmmss == null || hhmmss.isBlank()) {
            return Duration.ZERO;
        }
        String[] p = hhmmss.split(":");
        if (p.length != 3) {
            return Duration.ZERO;
        }
        return Duration.ofHours(Long.parseLong(p[0])).plusMinutes(Long.parseLong(p[1])).plusSeconds(Long.parseLong(p[2]));
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }
}
