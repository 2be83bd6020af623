package io.greenribbon.rooms.booking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A weekly series of sessions, booked all or nothing. */
@Entity
@Table(name = "booking_series")
public class BookingSeries {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "booking_series_seq")
    @SequenceGenerator(name = "booking_series_seq", sequenceName = "booking_series_seq", allocationSize = 50)
    public Long id;

    public int weeks;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
