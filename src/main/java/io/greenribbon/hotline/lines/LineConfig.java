package io.greenribbon.hotline.lines;

import io.greenribbon.hotline.HotlineConfig;

import java.time.Duration;

/**
 * An immutable snapshot of a line with its queues worked out, as the routing decision needs it. Tier 1
 * is the line's own division's queue; tier 2 is the whole city's. A city line's tier 1 already is the
 * city queue: the dialplan then skips tier 2, so the caller waits there for both waits together.
 */
public record LineConfig(String id, String name, String divisionCode, boolean asksPressOne, String tier1Queue,
                         Duration tier1Wait, String tier2Queue, Duration tier2Wait, String backupNumber,
                         boolean forwarded12356) {

    static LineConfig of(HotlineLine line, HotlineConfig config) {
        String city = line.divisionCode.substring(0, 4);
        boolean cityLine = city.equals(line.divisionCode);
        Duration tier1 = Duration.ofSeconds(line.tier1WaitSeconds);
        Duration tier2 = Duration.ofSeconds(line.tier2WaitSeconds);
        return new LineConfig(line.id, line.name, line.divisionCode, line.asksPressOne,
                config.queuePrefix() + line.divisionCode, cityLine ? tier1.plus(tier2) : tier1,
                config.queuePrefix() + city, tier2, line.backupNumber, line.forwarded12356);
    }

    /** Whether a counsellor answering from {@code queue} answers in the caller's own area. */
    public boolean isTier1(String queue) {
        return tier1Queue.equals(queue);
    }
}
