package io.greenribbon.hotline.presence;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The state a counsellor asks for: AVAILABLE (only on shift or with a supervisor's override), PAUSED with
 * a reason, or OFFLINE. Wrap-up is the service's to set.
 */
public record PresenceRequest(@NotNull PresenceState state,
                              @Size(min = 1, max = 64) @Pattern(regexp = "^[\\p{L}\\p{N} _.-]+$") String reason) {
}
