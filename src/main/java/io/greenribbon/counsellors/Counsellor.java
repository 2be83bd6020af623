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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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

    /** Resident identity card number; with the certificate numbers, the key of the CSV import. */
    @Column(name = "id_number")
    public String idNumber;

    /** Languages and dialects, as free labels (普通话, 河北方言, …). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "languages", columnDefinition = "varchar(40)[]")
    public String[] languages = new String[0];

    /** {@link Specialty} names. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "specialties", columnDefinition = "varchar(32)[]")
    public String[] specialties = new String[0];

    @Column(name = "max_caseload")
    public int maxCaseload = 20;

    @Version
    public int version;

    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt = OffsetDateTime.now();

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
