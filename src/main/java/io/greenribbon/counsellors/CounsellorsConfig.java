package io.greenribbon.counsellors;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Period;
import java.time.ZoneId;

@ConfigMapping(prefix = "greenribbon.counsellors")
public interface CounsellorsConfig {

    /** The local time zone of the service area: days of validity, shift times and calendars are read in it. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** Page size of {@code GET /api/counsellors} when the client names none. */
    @WithDefault("50")
    int defaultPageSize();

    /** The largest page a client may ask for. */
    @WithDefault("500")
    int maxPageSize();

    /** The largest CSV file the import accepts, in data rows. */
    @WithDefault("20000")
    int importMaxRows();

    /** How far ahead the daily check flags credentials whose validity ends. */
    @WithDefault("P60D")
    Period expiryWarning();

    /** When the daily expiry check runs: a Quartz cron expression in {@link #zone()}. */
    @WithDefault("0 15 2 * * ?")
    String expiryCheckCron();

    /** The longest look-ahead a client may ask of the expiring-credentials list. */
    @WithDefault("P2Y")
    Period expiryMaxWithin();
}
