package io.greenribbon.roster;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/**
 * A weekly pattern ({@code POST /api/roster/patterns}). Each entry is a shift starting on {@code day} at local
 * {@code start}; an {@code end} at or before {@code start} ends the next day (22:00 to 06:00).
 */
public record PatternInput(
        @NotNull @Pattern(regexp = ShiftInput.LINE) String lineDivision,
        @NotBlank @Size(max = 100) String name,
        @NotEmpty @Size(max = 500) List<@NotNull @Valid Entry> entries) {

    public record Entry(@NotNull Long counsellorId, @NotNull DayOfWeek day, @NotNull LocalTime start,
                        @NotNull LocalTime end) {
    }
}
