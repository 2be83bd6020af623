package io.greenribbon.roster.demand;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** A line's forecast week: each hour's need beside its rostered seats, and the hours short of it. */
@Schema(description = "A line's staffing forecast for one week (Monday to Sunday, local time): each hour's forecast "
        + "calls and the counsellors they need at the line's service-level target, beside the rostered seats.")
public record DemandReport(
        String lineDivision,
        @Schema(description = "The Monday the forecast week begins.")
        LocalDate week,
        @Schema(description = "How many weeks before it the forecast averages.")
        int historyWeeks,
        TargetView target,
        @Schema(description = "Calls expected in the whole week.")
        double forecastCalls,
        @Schema(description = "Hours whose rostered seats fall short of the need or the minimum.")
        int hoursShort,
        @Schema(description = "The 168 hours of the week.")
        List<DemandHour> hours) {
}
