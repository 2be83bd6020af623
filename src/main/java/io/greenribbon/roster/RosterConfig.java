package io.greenribbon.roster;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Period;

@ConfigMapping(prefix = "greenribbon.roster")
public interface RosterConfig {

    /** Seats a city (12356) line needs in every hour without a rule of its own: the national minimum is 2. */
    @WithDefault("2")
    int cityLineMinimumSeats();

    /** How far ahead coverage and shift lists look when the client names no end. */
    @WithDefault("P14D")
    Period defaultWindow();

    /** The longest range a coverage query or shift list may span. */
    @WithDefault("P62D")
    Period maxWindow();

    /** How many weeks before the forecast week the staffing forecast averages (the same hour of each week). */
    @WithDefault("4")
    int forecastWeeks();

    /** The share of calls a line's target answers within the hotline's service-level threshold, unless set per line. */
    @WithDefault("0.8")
    double defaultAnsweredShare();

    /** The handle time the forecast assumes for a line without any answered call of known handle time. */
    @WithDefault("PT15M")
    java.time.Duration defaultHandleTime();

    /** The longest range a pattern may be applied to at once. */
    @WithDefault("P92D")
    Period maxPatternRange();
}
