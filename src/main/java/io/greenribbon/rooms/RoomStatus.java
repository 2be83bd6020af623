package io.greenribbon.rooms;

/** Whether a room takes bookings. A suspended room keeps the bookings it has; it takes no new ones. */
public enum RoomStatus {
    OPEN, SUSPENDED
}
