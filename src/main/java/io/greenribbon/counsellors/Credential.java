package io.greenribbon.counsellors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A professional certificate of a pool member; a counsellor holds any number of them. */
@Entity
@Table(name = "counsellor_credential")
public class Credential {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "counsellor_credential_seq")
    @SequenceGenerator(name = "counsellor_credential_seq", sequenceName = "counsellor_credential_seq",
            allocationSize = 50)
    public Long id;

    @Column(name = "counsellor_id")
    public Long counsellorId;

    @Column(name = "certificate_number")
    public String certificateNumber;

    public String level;

    public String issuer;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    /** Null: valid without end. */
    @Column(name = "valid_until")
    public LocalDate validUntil;

    /** When the daily check flagged that validity runs out soon; cleared when the end date moves. */
    @Column(name = "expiry_flagged_at")
    public OffsetDateTime expiryFlaggedAt;

    @Version
    public int version;

    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt = OffsetDateTime.now();

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public boolean validOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validUntil == null || !validUntil.isBefore(day));
    }
}
