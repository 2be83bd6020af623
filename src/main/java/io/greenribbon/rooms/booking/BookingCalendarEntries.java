package io.greenribbon.rooms.booking;

import io.greenribbon.counsellors.calendar.CalendarEntry;
import io.greenribbon.counsellors.calendar.CalendarEntrySource;
import io.greenribbon.counsellors.calendar.CalendarOwner;
import io.greenribbon.problem.Messages;
import io.greenribbon.rooms.Room;
import io.greenribbon.rooms.RoomRepository;
import io.greenribbon.rooms.RoomsConfig;
import io.greenribbon.rooms.client.ClientRepository;
import io.greenribbon.rooms.client.RoomClient;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The booked sessions of a counsellor in the counsellor's {@code .ics} calendar (through the calendar's
 * extension point {@link CalendarEntrySource}). Each booking is one event with a stable UID;
 * a reschedule raises its SEQUENCE and a cancellation keeps it with STATUS:CANCELLED, so calendar
 * apps update or drop it. The client appears only by their code.
 */
@ApplicationScoped
public class BookingCalendarEntries implements CalendarEntrySource {

    /** One calendar event, ready to be written as a VEVENT. */
    public record Entry(String uid, int sequence, OffsetDateTime start, OffsetDateTime end, String summary,
                        String location, String description, boolean cancelled, OffsetDateTime lastModified) {
    }

    private final BookingRepository bookings;
    private final RoomRepository rooms;
    private final ClientRepository clients;
    private final RoomsConfig config;

    public BookingCalendarEntries(BookingRepository bookings, RoomRepository rooms, ClientRepository clients,
                                  RoomsConfig config) {
        this.bookings = bookings;
        this.rooms = rooms;
        this.clients = clients;
        this.config = config;
    }

    @Override
    public Uni<List<CalendarEntry>> entries(CalendarOwner owner, Instant from, Instant to, Locale locale) {
        return sessions(owner.counsellorId(), from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC), locale)
                .map(list -> list.stream().map(e -> new CalendarEntry(e.uid(), e.start().toInstant(),
                        e.end().toInstant(), e.summary(), e.description(), e.location(),
                        e.cancelled() ? CalendarEntry.Status.CANCELLED : CalendarEntry.Status.CONFIRMED,
                        e.sequence())).toList());
    }

    /** The counsellor's sessions overlapping {@code [from, to)}, cancelled ones marked as such. */
    @WithSession
    public Uni<List<Entry>> entries(long counsellorId, OffsetDateTime from, OffsetDateTime to) {
        return sessions(counsellorId, from, to, Messages.DEFAULT);
    }

    private Uni<List<Entry>> sessions(long counsellorId, OffsetDateTime from, OffsetDateTime to, Locale locale) {
        return bookings.findOfCounsellor(counsellorId, from, to).flatMap(list -> rooms
                .findByIds(list.stream().map(b -> b.roomId).distinct().toList())
                .flatMap(roomList -> clients.findByIds(list.stream().map(b -> b.clientId).distinct().toList())
                        .map(clientList -> {
                            Map<Long, Room> r = BookingQueries.index(roomList, x -> x.id);
                            Map<Long, RoomClient> c = BookingQueries.index(clientList, x -> x.id);
                            return list.stream().map(b -> entry(b, r.get(b.roomId), c.get(b.clientId), locale)).toList();
                        })));
    }

    Entry entry(Booking b, Room room, RoomClient client, Locale locale) {
        String mode = Messages.text(locale, "bookings.mode." + b.mode.name());
        String summary = Messages.text(locale, "bookings.calendar.summary", mode, client.code);
        String description = b.purpose == null ? null
                : Messages.text(locale, "bookings.calendar.purpose", b.purpose);
        return new Entry("booking-" + b.id + "@greenribbon", b.reschedules + (b.status == BookingStatus.CANCELLED ? 1 : 0),
                BookingView.local(b.startsAt, config.zone()), BookingView.local(b.endsAt, config.zone()), summary,
                room.name + ", " + room.address, description, b.status == BookingStatus.CANCELLED,
                BookingView.local(b.updatedAt, config.zone()));
    }
}
