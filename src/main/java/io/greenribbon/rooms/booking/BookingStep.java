package io.greenribbon.rooms.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A step of a booking's life after it was booked, and the one rule of when it may be taken: the screens offer
 * exactly the steps {@link #allowed} gives, and {@link BookingLifecycle} refuses the others with the reason
 * {@link #refusal} names.
 */
public enum BookingStep {
    CHECK_IN("check-in", BookingEvent.Kind.CHECKED_IN),
    COMPLETE("complete", BookingEvent.Kind.COMPLETED),
    NO_SHOW("no-show", BookingEvent.Kind.NO_SHOW),
    CANCEL("cancel", BookingEvent.Kind.CANCELLED),
    RESCHEDULE("reschedule", BookingEvent.Kind.RESCHEDULED);

    /** Why a step may not be taken now: a message key and its arguments. */
    public record Refusal(String key, Object... args) {
    }

    private final String path;
    private final BookingEvent.Kind records;

    BookingStep(String path, BookingEvent.Kind records) {
        this.path = path;
        this.records = records;
    }

    /** The step's name in addresses ({@code /api/bookings/{id}/check-in}). */
    public String path() {
        return path;
    }

    public BookingEvent.Kind records() {
        return records;
    }

    /** The operation an idempotency key is used for. */
    public String operation() {
        return "booking." + path;
    }

    public static Optional<BookingStep> ofPath(String path) {
        return Optional.ofNullable(BY_PATH.get(path));
    }

    private static final java.util.Map<String, BookingStep> BY_PATH = Arrays.stream(values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(BookingStep::path, s -> s));

    /** The status a booking has once this step is taken (a reschedule keeps it booked). */
    public BookingStatus leadsTo() {
        return switch (this) {
            case CHECK_IN -> BookingStatus.CHECKED_IN;
            case COMPLETE -> BookingStatus.COMPLETED;
            case NO_SHOW -> BookingStatus.NO_SHOW;
            case CANCEL -> BookingStatus.CANCELLED;
            case RESCHEDULE -> BookingStatus.BOOKED;
        };
    }

    /**
     * Why this step may not be taken on a booking in {@code status} from {@code start} to {@code end} at
     * {@code now}; empty when it may. A client may be checked in from {@code checkInEarly} before the start.
     */
    public Optional<Refusal> refusal(BookingStatus status, Instant start, Instant end, Instant now, Duration checkInEarly) {
        BookingStatus needed = this == COMPLETE ? BookingStatus.CHECKED_IN : BookingStatus.BOOKED;
        if (status != needed) {
            return Optional.of(new Refusal("bookings.state.expected-" + needed.name().toLowerCase().replace('_', '-')));
        }
        return switch (this) {
            case CHECK_IN -> now.isBefore(start.minus(checkInEarly))
                    ? Optional.of(new Refusal("bookings.state.too-early", checkInEarly.toMinutes()))
                    : !now.isBefore(end) ? Optional.of(new Refusal("bookings.state.over")) : Optional.empty();
            case NO_SHOW -> now.isBefore(start) ? Optional.of(new Refusal("bookings.state.not-started")) : Optional.empty();
            case CANCEL -> !now.isBefore(end) ? Optional.of(new Refusal("bookings.state.over")) : Optional.empty();
            case COMPLETE, RESCHEDULE -> Optional.empty();
        };
    }

    /** Every step that may be taken now. */
    public static Set<BookingStep> allowed(BookingStatus status, Instant start, Instant end, Instant now,
                                           Duration checkInEarly) {
        Set<BookingStep> steps = EnumSet.noneOf(BookingStep.class);
        for (BookingStep step : values()) {
            if (step.refusal(status, start, end, now, checkInEarly).isEmpty()) {
                steps.add(step);
            }
        }
        return steps;
    }
}
