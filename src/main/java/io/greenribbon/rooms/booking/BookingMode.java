package io.greenribbon.rooms.booking;

import io.greenribbon.rooms.Facility;

/** How the session is held; phone and video sessions need the room's link. */
public enum BookingMode {
    IN_PERSON(null), PHONE(Facility.PHONE_LINK), VIDEO(Facility.VIDEO_LINK);

    private final Facility needs;

    BookingMode(Facility needs) {
        this.needs = needs;
    }

    /** The facility the room must have for this mode, or null. */
    public Facility needs() {
        return needs;
    }
}
