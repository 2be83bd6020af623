package io.greenribbon.counsellors.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A counsellor's calendar subscription: the SHA-256 of the secret token in its address (the token itself is
 * never stored), who made it and when, and when a calendar app last fetched it. One per counsellor.
 */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed {

    @Id
    @Column(name = "counsellor_id")
    public Long counsellorId;

    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "last_fetched_at")
    public OffsetDateTime lastFetchedAt;
}
