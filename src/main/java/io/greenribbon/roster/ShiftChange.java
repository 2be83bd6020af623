package io.greenribbon.roster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A swap, reassignment or cancellation of a shift, with its reason: written once, never changed. */
@Entity
@Table(name = "roster_shift_change")
public class ShiftChange {

    public enum Kind { SWAP, REASSIGN, CANCEL }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "roster_shift_change_seq")
    @SequenceGenerator(name = "roster_shift_change_seq", sequenceName = "roster_shift_change_seq",
            allocationSize = 50)
    public Long id;

    @Column(name = "shift_id")
    public Long shiftId;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Kind kind;

    @Column(name = "from_counsellor_id")
    public Long fromCounsellorId;

    @Column(name = "to_counsellor_id")
    public Long toCounsellorId;

    public String reason;

    public String actor;

    @Column(name = "changed_at", insertable = false, updatable = false)
    public OffsetDateTime changedAt;

    static ShiftChange of(Shift shift, Kind kind, Long to, String reason, String actor) {
        ShiftChange c = new ShiftChange();
        c.shiftId = shift.id;
        c.kind = kind;
        c.fromCounsellorId = shift.counsellorId;
        c.toCounsellorId = to;
        c.reason = reason;
        c.actor = actor;
        return c;
    }
}
