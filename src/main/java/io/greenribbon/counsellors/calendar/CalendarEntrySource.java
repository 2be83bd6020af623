package io.greenribbon.counsellors.calendar;

import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A feature that puts entries into counsellors' calendars ({@code /api/counsellors/{id}/calendar.ics}). Each
 * {@code @ApplicationScoped} implementation is found by CDI: the roster adds shifts; room bookings add booked
 * sessions by implementing this interface in their own package, without touching the calendar.
 *
 * <p>Called inside a Hibernate Reactive session, after the access check, one source after the other: a
 * source may use Panache repositories, and must not start work in parallel on that session. {@code locale}
 * is the language to write summaries in.
 */
public interface CalendarEntrySource {

    /** The owner's entries overlapping [from, to). */
    Uni<List<CalendarEntry>> entries(CalendarOwner owner, Instant from, Instant to, Locale locale);
}
