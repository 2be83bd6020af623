package io.greenribbon.rooms.booking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One step in a booking's history, with the times and counsellor the booking had after it. */
@Entity
@Table(name = "booking_event")
public class BookingEvent {

    public enum Kind {
        BOOKED, RESCHEDULED, CHECKED_IN, COMPLETED, NO_SHOW, CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "booking_id")
    public Long bookingId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public OffsetDateTime at;

    public String actor;

    @Column(name = "starts_at")
    public OffsetDateTime startsAt;

    @Column(name = "ends_at")
    public OffsetDateTime endsAt;

    @Column(name = "counsellor_id")
    public Long counsellorId;

    public String reason;

    public static BookingEvent of(Booking b, Kind kind, String actor, OffsetDateTime at, String reason) {
        BookingEvent e = new BookingEvent();
        e.bookingId = b.id;
        e.kind = kind;
        e.at = at;
        e.actor = actor;
        e.startsAt = b.startsAt;
        e.endsAt = b.endsAt;
        e.counsellorId = b.counsellorId;
        e.reason = reason;
        return e;
    }
}
