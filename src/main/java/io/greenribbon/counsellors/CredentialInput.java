package io.greenribbon.counsellors;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A credential as a client sends it: matched to the stored one by its certificate number. */
public record CredentialInput(
        @NotBlank @Size(max = 40) String certificateNumber,
        @NotBlank @Size(max = 60) String level,
        @NotBlank @Size(max = 100) String issuer,
        @NotNull LocalDate validFrom,
        LocalDate validUntil) {
}
