package io.greenribbon.roster;

import java.time.DayOfWeek;
import java.util.List;

/** The seats a line needs in each of the 168 hours of the week, and whether a rule or the default says so. */
public record StaffingView(String lineDivision, int defaultSeats, List<HourMinimum> hours) {

    public record HourMinimum(DayOfWeek day, int hour, int seats, boolean explicit) {
    }
}
