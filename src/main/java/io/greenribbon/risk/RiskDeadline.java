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

import java.time.Instant;

/** Something that must have happened by {@code dueAt}, or the service acts (escalates, alerts again). */
@Entity
@Table(name = "risk_deadline")
public class RiskDeadline {

    public enum Kind {
        /** Supervisors must acknowledge the case; {@code step} counts the escalations so far. */
        ACKNOWLEDGE,
        /** An emergency referral ({@code refId}) needs its outcome; {@code step} counts the re-alerts. */
        REFERRAL_OUTCOME,
        /** A follow-up ({@code refId}) is due. */
        FOLLOW_UP
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "risk_deadline_seq")
    @SequenceGenerator(name = "risk_deadline_seq", sequenceName = "risk_deadline_seq", allocationSize = 50)
    public Long id;

    @Column(name = "case_id")
    public Long caseId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public int step;

    @Column(name = "ref_id")
    public Long refId;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "fired_at")
    public Instant firedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    static RiskDeadline of(long caseId, Kind kind, int step, Long refId, Instant dueAt) {
        RiskDeadline d = new RiskDeadline();
        d.caseId = caseId;
        d.kind = kind;
        d.step = step;
        d.refId = refId;
        d.dueAt = dueAt;
        return d;
    }
}
