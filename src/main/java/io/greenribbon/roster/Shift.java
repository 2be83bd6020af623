package io.greenribbon.roster;

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

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A counsellor's seat on a line from {@code startsAt} to {@code endsAt} (end exclusive). The database
 * refuses two scheduled shifts of one counsellor that overlap ({@code roster_shift_no_overlap}).
 */
@Entity
@Table(name = "roster_shift")
public class Shift {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "roster_shift_seq")
    @SequenceGenerator(name = "roster_shift_seq", sequenceName = "roster_shift_seq", allocationSize = 50)
    public Long id;

    @Column(name = "counsellor_id")
    public Long counsellorId;

    /** The line the seat serves: the city's 12356 line (4 digits) or a county line (6 digits). */
    @Column(name = "line_division")
    public String lineDivision;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    @Enumerated(EnumType.STRING)
    public ShiftStatus status = ShiftStatus.SCHEDULED;

    @Column(name = "pattern_id")
    public Long patternId;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "created_by")
    public String createdBy;

    @Version
    public int version;

    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt = OffsetDateTime.now();

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public boolean overlaps(Instant start, Instant end) {
        return startsAt.isBefore(end) && start.isBefore(endsAt);
    }
}
