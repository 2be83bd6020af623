package io.greenribbon.hotline.lines;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A line to create or replace. The division is a county (6 digits) or a city (4 digits). */
public record LineInput(
        @NotBlank @Size(max = 100) String name,
        @NotNull @Pattern(regexp = "^[0-9]{4}([0-9]{2})?$") String divisionCode,
        boolean asksPressOne,
        @Min(5) @Max(600) int tier1WaitSeconds,
        @Min(5) @Max(1800) int tier2WaitSeconds,
        @NotNull @Pattern(regexp = LineInput.PHONE) String backupNumber,
        boolean forwarded12356,
        @NotNull Boolean active) {

    /** A dialled number or a number to dial: digits, optionally with a leading +. */
    public static final String PHONE = "^\\+?[0-9]{3,31}$";
}
