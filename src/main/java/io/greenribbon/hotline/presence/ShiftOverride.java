package io.greenribbon.hotline.presence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A supervisor's permission for a counsellor to take calls outside the roster, for a limited time. */
@Entity
@Table(name = "hotline_shift_override")
public class ShiftOverride {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "hotline_shift_override_seq")
    @SequenceGenerator(name = "hotline_shift_override_seq", sequenceName = "hotline_shift_override_seq",
            allocationSize = 50)
    public Long id;

    public String username;

    /** The line whose queues the counsellor serves under this permission. */
    @Column(name = "line_division")
    public String lineDivision;

    @Column(name = "valid_from")
    public OffsetDateTime validFrom;

    @Column(name = "valid_until")
    public OffsetDateTime validUntil;

    public String reason;

    @Column(name = "granted_by")
    public String grantedBy;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;
}
