package io.greenribbon.counsellors;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Now and today in the service area's time zone (Asia/Shanghai: no daylight saving). */
@ApplicationScoped
public class LocalClock {

    private final ZoneId zone;
    private final Clock clock;

    public LocalClock(CounsellorsConfig config) {
        this.zone = config.zone();
        this.clock = Clock.system(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
