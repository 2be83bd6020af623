package io.greenribbon.counsellors.calendar;

/** The counsellor whose calendar is asked for. */
public record CalendarOwner(long counsellorId, String fullName, String username, String homeDivision) {
}
