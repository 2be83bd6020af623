package io.greenribbon.counsellors;

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

/** A member of the expert pool, kept by its home county (or by the city). */
@Entity
@Table(name = "counsellor")
public class Counsellor {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "counsellor_seq")
    @SequenceGenerator(name = "counsellor_seq", sequenceName = "counsellor_seq", allocationSize = 50)
    public Long id;

    @Column(name = "full_name")
    public String fullName;

    @Column(name = "home_division")
    public String homeDivision;

    @Enumerated(EnumType.STRING)
    public CounsellorKind kind;

    @Enumerated(EnumType.STRING)
    public CounsellorStatus status = CounsellorStatus.ACTIVE;

    /** The Keycloak account, when the counsellor signs in at all. */
    public String username;

    @Column(name = "max_caseload")
    public int maxCaseload = 20;

    @Version
    public int version;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
