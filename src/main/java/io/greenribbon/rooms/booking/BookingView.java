package io.greenribbon.rooms.booking;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.greenribbon.counsellors.Counsellor;
import io.greenribbon.rooms.Room;
import io.greenribbon.rooms.client.RoomClient;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A booking as the API shows it: the client only by their code, never their contact details. Times
 * are in the rooms' zone.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BookingView(Long id, Long roomId, String roomName, String division, Long counsellorId,
                          String counsellorName, Long clientId, String clientCode, OffsetDateTime start,
                          OffsetDateTime end, BookingMode mode, String purpose, BookingStatus status, Long seriesId,
                          Integer seriesWeek, int reschedules, String createdBy, OffsetDateTime createdAt,
                          OffsetDateTime checkedInAt, OffsetDateTime completedAt, OffsetDateTime noShowAt,
                          OffsetDateTime cancelledAt, String cancelledBy, String cancelReason, int version,
                          List<HistoryEntry> history) {

    /** One step of the booking's history. */
    public record HistoryEntry(BookingEvent.Kind kind, OffsetDateTime at, String actor, OffsetDateTime start,
                               OffsetDateTime end, Long counsellorId, String reason) {
        static HistoryEntry of(BookingEvent e, ZoneId zone) {
            return new HistoryEntry(e.kind, local(e.at, zone), e.actor, local(e.startsAt, zone),
                    local(e.endsAt, zone), e.counsellorId, e.reason);
        }
    }

    /** A weekly series as booked. */
    public record Series(Long seriesId, int weeks, List<BookingView> bookings) {
    }

    static BookingView of(Booking b, Room room, Counsellor counsellor, RoomClient client, ZoneId zone,
                          List<BookingEvent> history) {
        return new BookingView(b.id, b.roomId, room == null ? null : room.name, room == null ? null : room.divisionCode,
                b.counsellorId, counsellor == null ? null : counsellor.fullName, b.clientId,
                client == null ? null : client.code, local(b.startsAt, zone), local(b.endsAt, zone), b.mode, b.purpose,
                b.status, b.seriesId, b.seriesWeek, b.reschedules, b.createdBy, local(b.createdAt, zone),
                local(b.checkedInAt, zone), local(b.completedAt, zone), local(b.noShowAt, zone),
                local(b.cancelledAt, zone), b.cancelledBy, b.cancelReason, b.version,
                history == null ? null : history.stream().map(e -> HistoryEntry.of(e, zone)).toList());
    }

    static OffsetDateTime local(OffsetDateTime t, ZoneId zone) {
        return t == null ? null : t.atZoneSameInstant(zone).toOffsetDateTime();
    }
}
