package io.greenribbon.counsellors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Changes to a pool member ({@code PATCH /api/counsellors/{id}}): a field left out stays as it is. An empty
 * {@code username} unlinks the account; {@code credentials}, when given, is the complete new set (matched
 * by certificate number). {@code version}, when given, must be the version the client read.
 */
public record CounsellorPatch(
        @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*") String fullName,
        @Pattern(regexp = CounsellorInput.HOME_DIVISION) String homeDivision,
        CounsellorKind kind,
        CounsellorStatus status,
        @Pattern(regexp = "^[0-9]{17}[0-9Xx]$") String idNumber,
        @Size(max = 12) List<@NotBlank @Size(max = 40) String> languages,
        List<@NotNull Specialty> specialties,
        @Min(0) @Max(500) Integer maxCaseload,
        @Size(max = 255) String username,
        @Size(max = 50) List<@NotNull @Valid CredentialInput> credentials,
        Integer version) {
}
