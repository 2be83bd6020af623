package io.greenribbon.roster.demand;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.DayOfWeek;
import java.time.OffsetDateTime;

/** One hour of the forecast week: the calls expected, the counsellors they need, and those rostered. */
@Schema(description = "One local hour of the forecast week: forecast need beside rostered seats.")
public record DemandHour(
        OffsetDateTime start,
        DayOfWeek day,
        int hour,
        @Schema(description = "Calls expected to be offered in the hour: the mean of the same hour of the week over "
                + "the history weeks (offered as the line's figures define it).")
        double forecastCalls,
        @Schema(description = "The handle time expected per call, in seconds (talk and wrap-up, as the line's figures "
                + "define it).")
        double handleSeconds,
        @Schema(description = "The work expected, in erlangs: forecastCalls × handleSeconds / 3600.")
        double erlangs,
        @Schema(description = "The fewest counsellors who answer the target share within the target wait (Erlang C).")
        int needed,
        @Schema(description = "The line's minimum seats for the hour (its staffing rules, or the 12356 default).")
        int minimum,
        @Schema(description = "Seats rostered: the fewest filled at any moment of the hour.")
        int rostered,
        @Schema(description = "Seats missing: the larger of needed and minimum, less rostered (never below 0).")
        int missing,
        @Schema(description = "The service level the rostered seats would give by Erlang C (null when no call is "
                + "expected).", nullable = true)
        Double rosteredServiceLevel) {
}
