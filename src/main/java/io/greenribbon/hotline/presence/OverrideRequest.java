package io.greenribbon.hotline.presence;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;

/**
 * A supervisor lets {@code username} take calls on the line of {@code lineDivision} (default: the
 * supervisor's own division) until {@code until} (at most 24 hours ahead), for a stated reason.
 */
public record OverrideRequest(@NotBlank @Size(max = 255) String username,
                              @Pattern(regexp = "^[0-9]{4}([0-9]{2})?$") String lineDivision,
                              @NotNull OffsetDateTime until,
                              @NotBlank @Size(max = 500) String reason) {
}
