package io.greenribbon.roster.demand;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A line's service-level target and whether the line set it or keeps the default. */
@Schema(description = "A line's service-level target for the staffing forecast.")
public record TargetView(
        @Schema(description = "The line's division (a city, 4 digits, or a county, 6 digits).")
        String lineDivision,
        @Schema(description = "The share of the calls to answer within withinSeconds.")
        double answeredShare,
        @Schema(description = "The wait within which they are answered, in seconds.")
        int withinSeconds,
        @Schema(description = "Whether the line set its own target (false: the service's default).")
        boolean explicit) {
}
