package io.greenribbon.risk;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

public final class FollowUpRequests {

    private FollowUpRequests() {
    }

    /** A further follow-up, due by {@code dueAt} (from {@code windowOpensAt}, default now). */
    public record Schedule(@NotNull Instant dueAt, Instant windowOpensAt, @Min(3) @Max(5) Integer maxAttempts) {
    }

    /** One try to reach the person; {@code outcome} when reached. */
    public record Attempt(@NotNull FollowUpAttempt.Result result, FollowUpAttempt.Outcome outcome,
                          @Size(max = 4000) String note) {
    }
}
