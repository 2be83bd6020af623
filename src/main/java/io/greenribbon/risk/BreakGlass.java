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
 * A break-the-glass access: a counsellor on a live call opened the safety plan of a case not assigned to
 * them, for a stated reason, until {@code expiresAt}. Every one waits in the division's review queue.
 */
@Entity
@Table(name = "risk_break_glass")
public class BreakGlass {

    public enum Verdict { JUSTIFIED, UNJUSTIFIED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "risk_break_glass_seq")
    @SequenceGenerator(name = "risk_break_glass_seq", sequenceName = "risk_break_glass_seq", allocationSize = 50)
    public Long id;

    @Column(name = "case_id")
    public Long caseId;

    public String division;

    public String actor;

    @Column(name = "actor_division")
    public String actorDivision;

    @Column(name = "contact_id")
    public Long contactId;

    @Column(name = "reason_sealed")
    public String reasonSealed;

    @Column(name = "granted_at")
    public Instant grantedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Enumerated(EnumType.STRING)
    public Verdict verdict;

    /** The reviewer's comment, sealed like the reason (null when they wrote none). */
    @Column(name = "review_comment_sealed")
    public String reviewCommentSealed;

    @Version
    public int version;
}
