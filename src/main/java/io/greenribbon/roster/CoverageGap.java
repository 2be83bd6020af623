package io.greenribbon.roster;

import java.time.DayOfWeek;
import java.time.OffsetDateTime;

/** One hour of one line staffed below its minimum: the fewest seats filled at any moment of that hour. */
public record CoverageGap(String lineDivision, OffsetDateTime start, OffsetDateTime end, DayOfWeek day, int hour,
                          int required, int staffed, int missing) {
}
