package io.greenribbon.rooms.booking;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;

/** The bodies of the booking endpoints. */
public final class BookingRequests {

    private BookingRequests() {
    }

    /**
     * A session to book; with {@code weeks} above 1, the same session every week for that many weeks,
     * all or nothing.
     */
    public record Create(@NotNull Long roomId, @NotNull Long counsellorId, @NotNull Long clientId,
                         @NotNull OffsetDateTime start, @NotNull OffsetDateTime end, @NotNull BookingMode mode,
                         @Size(max = 500) String purpose, @Min(1) @Max(52) Integer weeks) {

        public int weekCount() {
            return weeks == null ? 1 : weeks;
        }
    }

    /** New times (and optionally another counsellor) for a booked session. */
    public record Reschedule(@NotNull OffsetDateTime start, @NotNull OffsetDateTime end, Long counsellorId,
                             @Size(max = 500) String reason) {
    }

    public record Cancel(@NotBlank @Size(max = 500) String reason) {
    }
}
