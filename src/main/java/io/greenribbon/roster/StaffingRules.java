package io.greenribbon.roster;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.DayOfWeek;
import java.util.List;

/**
 * The minimum staffing of a line ({@code PUT /api/roster/minimums?division=}): rules for days of the week and
 * a range of local hours [fromHour, toHour). Where rules overlap the higher minimum holds; hours no rule
 * names keep the line's default (the 12356 minimum of 2 seats on a city line, none on a county line).
 */
public record StaffingRules(@NotNull @Size(max = 200) List<@NotNull @Valid Rule> rules) {

    public record Rule(@NotEmpty List<@NotNull DayOfWeek> days,
                       @NotNull @Min(0) @Max(23) Integer fromHour,
                       @NotNull @Min(1) @Max(24) Integer toHour,
                       @NotNull @Min(0) @Max(200) Integer seats) {
    }
}
