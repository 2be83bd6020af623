package io.greenribbon.roster;

import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** The dates a pattern is applied to, both inclusive: a shift belongs to the date it starts on. */
public record PatternApplication(@NotNull LocalDate from, @NotNull LocalDate to) {

    /** What applying did: shifts created, and shifts the pattern had already made (left as they are). */
    public record Result(int created, int alreadyPresent) {
    }
}
