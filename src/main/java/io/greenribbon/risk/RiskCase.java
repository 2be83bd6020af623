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
 * A person at risk, followed from the screening that opened the case until a supervisor closes it. The
 * narrative note and how to reach the person are sealed; the caller is known by the keyed hash of their
 * number only.
 */
@Entity
@Table(name = "risk_case")
public class RiskCase {

    public enum Status { OPEN, CLOSED }

    /** Who is being alerted until someone acknowledges: the division's supervisors, then the leads. */
    public enum Stage { SUPERVISORS, COUNTY_LEAD, CLINICAL_LEAD }

    public enum CloseReason { RISK_RESOLVED, LINKED_TO_CARE, LOST_TO_FOLLOW_UP, MOVED_AWAY, DECEASED, DUPLICATE }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "risk_case_seq")
    @SequenceGenerator(name = "risk_case_seq", sequenceName = "risk_case_seq", allocationSize = 50)
    public Long id;

    public String division;

    @Enumerated(EnumType.STRING)
    public RiskLevel level;

    @Enumerated(EnumType.STRING)
    public Status status = Status.OPEN;

    @Column(name = "caller_key")
    public String callerKey;

    @Column(name = "assigned_counsellor")
    public String assignedCounsellor;

    public String supervisor;

    @Enumerated(EnumType.STRING)
    @Column(name = "escalation_stage")
    public Stage stage = Stage.SUPERVISORS;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "opened_by")
    public String openedBy;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "note_sealed")
    public String noteSealed;

    @Column(name = "subject_sealed")
    public String subjectSealed;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closed_by")
    public String closedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "close_reason")
    public CloseReason closeReason;

    @Column(name = "close_note_sealed")
    public String closeNoteSealed;

    @Version
    public int version;

    public boolean open() {
        return status == Status.OPEN;
    }
}
