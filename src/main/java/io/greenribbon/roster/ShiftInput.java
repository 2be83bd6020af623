package io.greenribbon.roster;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A new shift ({@code POST /api/roster/shifts}); times as {@link RosterTimes} reads them. */
public record ShiftInput(
        @NotNull Long counsellorId,
        @NotNull @Pattern(regexp = LINE) String lineDivision,
        @NotBlank String start,
        @NotBlank String end) {

    /** A line serves a city (4 digits) or a county (6 digits). */
    public static final String LINE = "^[0-9]{4}([0-9]{2})?$";
}
