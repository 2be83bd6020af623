package io.greenribbon.counsellors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A new pool member ({@code POST /api/counsellors}). */
public record CounsellorInput(
        @NotBlank @Size(max = 100) String fullName,
        @NotNull @Pattern(regexp = HOME_DIVISION) String homeDivision,
        @NotNull CounsellorKind kind,
        CounsellorStatus status,
        @Pattern(regexp = "^[0-9]{17}[0-9Xx]$") String idNumber,
        @Size(max = 12) List<@NotBlank @Size(max = 40) String> languages,
        List<@NotNull Specialty> specialties,
        @Min(0) @Max(500) Integer maxCaseload,
        @Size(min = 3, max = 255) String username,
        @Size(max = 50) List<@NotNull @Valid CredentialInput> credentials) {

    /** A pool is kept by a city (4 digits) or a county (6 digits). */
    public static final String HOME_DIVISION = "^[0-9]{4}([0-9]{2})?$";
}
