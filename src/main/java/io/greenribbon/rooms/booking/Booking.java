package io.greenribbon.rooms.booking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;

/**
 * A session booked in a room with a counsellor for a client. The database keeps the time range
 * ({@code period}) beside start and end and rejects overlapping active bookings of one room, one
 * counsellor or one client.
 */
@Entity
@Table(name = "booking")
public class Booking {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "booking_seq")
    @SequenceGenerator(name = "booking_seq", sequenceName = "booking_seq", allocationSize = 50)
    public Long id;

    @Column(name = "room_id")
    public Long roomId;

    @Column(name = "counsellor_id")
    public Long counsellorId;

    @Column(name = "client_id")
    public Long clientId;

    @Column(name = "starts_at")
    public OffsetDateTime startsAt;

    @Column(name = "ends_at")
    public OffsetDateTime endsAt;

    @Enumerated(EnumType.STRING)
    public BookingMode mode;

    public String purpose;

    @Enumerated(EnumType.STRING)
    public BookingStatus status = BookingStatus.BOOKED;

    @Column(name = "series_id")
    public Long seriesId;

    @Column(name = "series_week")
    public Integer seriesWeek;

    public int reschedules;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "checked_in_at")
    public OffsetDateTime checkedInAt;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    @Column(name = "no_show_at")
    public OffsetDateTime noShowAt;

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    @Column(name = "cancelled_by")
    public String cancelledBy;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Version
    public int version;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
