package io.greenribbon.rooms;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;

/** Rules and settings of the counselling rooms and their bookings. */
@ConfigMapping(prefix = "greenribbon.rooms")
public interface RoomsConfig {

    /** The time zone opening hours are kept in and bookings are shown in. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** How long before its start a session must at least be booked (or moved). */
    @WithDefault("PT1H")
    Duration minimumNotice();

    /** The shortest session that can be booked. */
    @WithDefault("PT15M")
    Duration minimumLength();

    /** The longest session that can be booked. */
    @WithDefault("PT3H")
    Duration maximumLength();

    /** How far ahead sessions can be booked. */
    @WithDefault("P180D")
    Duration maximumAdvance();

    /** The most weeks one recurring series may book at once. */
    @WithDefault("26")
    int seriesMaxWeeks();

    /**
     * Whether a room may book a counsellor of another county of its city. Off: only counsellors of the
     * room's own county, and the city's own pool, are within reach.
     */
    @WithDefault("false")
    boolean allowCrossCounty();

    /** How early before its start a client may be checked in. */
    @WithDefault("PT30M")
    Duration checkInEarly();

    /** The default length of the free slots the availability query returns. */
    @WithDefault("PT1H")
    Duration slotLength();

    /** The widest window one availability query or booking list may span. */
    @WithDefault("P31D")
    Duration maximumQuerySpan();

    /** How long an idempotency key (of a booking, a step of one, a client, a room change) is remembered. */
    @WithDefault("P7D")
    Duration idempotencyRetention();

    /**
     * The free slots suggested instead of a refused booking start at a room's opening and every this often
     * after it (the availability query cuts slots the same way, by their length).
     */
    @WithDefault("PT30M")
    Duration suggestionStep();

    /** How far past the time asked for suggestions are looked for. */
    @WithDefault("P14D")
    Duration suggestionHorizon();
}
