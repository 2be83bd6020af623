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

    /** Day as MONDAY..SUNDAY, times as HH:mm: read by {@link #parsed}, which names a field it cannot read. */
    public record Entry(@NotNull Long counsellorId, @NotBlank @Size(max = 16) String day,
                        @NotBlank @Size(max = ShiftInput.TIME_WIDTH) String start,
                        @NotBlank @Size(max = ShiftInput.TIME_WIDTH) String end) {
    }

    /** An entry read into its types. */
    record Parsed(Long counsellorId, DayOfWeek day, LocalTime start, LocalTime end) {
    }

    /** The entries read into their types, or 400 naming every field that cannot be read. */
    List<Parsed> parsed(java.util.Locale locale) {
        var invalid = new io.greenribbon.problem.ProblemException(io.greenribbon.problem.ProblemType.VALIDATION,
                "problem.validation.detail");
        List<Parsed> out = new java.util.ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            DayOfWeek day = null;
            try {
                day = DayOfWeek.valueOf(e.day().trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                invalid.field("entries[" + i + "].day", io.greenribbon.problem.Messages.text(locale,
                        "problem.validation.one-of", java.util.Arrays.toString(DayOfWeek.values())));
            }
            LocalTime start = time(e.start(), "entries[" + i + "].start", invalid, locale);
            LocalTime end = time(e.end(), "entries[" + i + "].end", invalid, locale);
            out.add(new Parsed(e.counsellorId(), day, start, end));
        }
        if (!invalid.errors().isEmpty()) {
            throw invalid;
        }
        return out;
    }

    private static LocalTime time(String value, String field, io.greenribbon.problem.ProblemException invalid,
                                  java.util.Locale locale) {
        try {
            return LocalTime.parse(value.trim());
        } catch (java.time.format.DateTimeParseException ex) {
            invalid.field(field, io.greenribbon.problem.Messages.text(locale, "roster.invalid.clock"));
            return null;
        }
    }
}
