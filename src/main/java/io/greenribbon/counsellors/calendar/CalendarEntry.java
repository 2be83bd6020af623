package io.greenribbon.counsellors.calendar;

import java.time.Instant;

/**
 * One event of a counsellor's calendar. {@code uid} must be stable for the same thing across downloads
 * (such as {@code shift-42@greenribbon}), so calendar apps update rather than duplicate it; {@code sequence}
 * grows with every change. A cancelled entry stays in the feed with {@link Status#CANCELLED}, so that
 * subscribed calendars remove it.
 */
public record CalendarEntry(String uid, Instant start, Instant end, String summary, String description,
                            String location, Status status, int sequence) {

    public enum Status { CONFIRMED, TENTATIVE, CANCELLED }
}
