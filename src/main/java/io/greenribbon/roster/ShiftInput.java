package io.greenribbon.roster;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new shift ({@code POST /api/roster/shifts}); times as {@link RosterTimes} reads them. */
public record ShiftInput(
        @NotNull Long counsellorId,
        @NotNull @Pattern(regexp = LINE) String lineDivision,
        @NotBlank @Size(max = TIME_WIDTH) String start,
        @NotBlank @Size(max = TIME_WIDTH) String end) {

    /** A line serves a city (4 digits) or a county (6 digits). */
    public static final String LINE = "^[0-9]{4}([0-9]{2})?$";
    /** Room for any time {@link RosterTimes} reads (an offset date-time with nanoseconds is 35 characters). */
    public static final int TIME_WIDTH = 64;
}
