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
 * A follow-up contact owed to the person of a case: due in a window, tried up to {@code maxAttempts} times,
 * then completed with an outcome or counted as lost.
 */
@Entity
@Table(name = "risk_follow_up")
public class FollowUp {

    public enum Status { OPEN, COMPLETED, LOST }

    public enum Outcome { SAFE, NEEDS_SUPPORT, LINKED_TO_CARE, IN_CRISIS, DECLINED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "risk_follow_up_seq")
    @SequenceGenerator(name = "risk_follow_up_seq", sequenceName = "risk_follow_up_seq", allocationSize = 50)
    public Long id;

    @Column(name = "case_id")
    public Long caseId;

    @Column(name = "window_opens_at")
    public Instant windowOpensAt;

    @Column(name = "due_at")
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    public Status status = Status.OPEN;

    public int attempts;

    @Column(name = "max_attempts")
    public int maxAttempts;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public int version;
}
