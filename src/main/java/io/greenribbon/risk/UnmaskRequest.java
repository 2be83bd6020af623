package io.greenribbon.risk;

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

/**
 * A request to see a caller's number for a rescue: asked by the counsellor, approved or rejected by a
 * supervisor (never the same person), disclosed once to the requester, with its legal basis.
 */
@Entity
@Table(name = "risk_unmask_request")
public class UnmaskRequest {

    public enum Status { PENDING, APPROVED, REJECTED, DISCLOSED, EXPIRED }

    public enum LegalBasis {
        /** PIPL art. 13(1)(4): necessary to protect a natural person's life and health in an emergency. */
        PIPL_13_1_4_PROTECT_LIFE,
        /** A lawful request of the public security organs (police) for the rescue. */
        PUBLIC_SECURITY_REQUEST
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "risk_unmask_seq")
    @SequenceGenerator(name = "risk_unmask_seq", sequenceName = "risk_unmask_seq", allocationSize = 50)
    public Long id;

    @Column(name = "case_id")
    public Long caseId;

    public String division;

    @Column(name = "contact_id")
    public Long contactId;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "reason_sealed")
    public String reasonSealed;

    @Enumerated(EnumType.STRING)
    @Column(name = "legal_basis")
    public LegalBasis legalBasis;

    @Enumerated(EnumType.STRING)
    public Status status = Status.PENDING;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "disclosed_at")
    public Instant disclosedAt;

    @Version
    public int version;
}
