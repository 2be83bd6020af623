package io.greenribbon.rooms.booking;

/** booked → checked in → completed; or booked → no-show; or booked → cancelled. */
public enum BookingStatus {
    BOOKED, CHECKED_IN, COMPLETED, NO_SHOW, CANCELLED
}
