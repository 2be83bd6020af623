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

/** One try to reach the person for a follow-up. */
@Entity
@Table(name = "risk_follow_up_attempt")
public class FollowUpAttempt {

    public enum Result { REACHED, NO_ANSWER, UNREACHABLE, DECLINED }

    /** How the person was, when reached. */
    public enum Outcome { SAFE, NEEDS_SUPPORT, LINKED_TO_CARE, IN_CRISIS }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "risk_follow_up_attempt_seq")
    @SequenceGenerator(name = "risk_follow_up_attempt_seq", sequenceName = "risk_follow_up_attempt_seq", allocationSize = 50)
    public Long id;

    @Column(name = "follow_up_id")
    public Long followUpId;

    @Column(name = "case_id")
    public Long caseId;

    public Instant at;

    @Column(name = "made_by")
    public String madeBy;

    @Enumerated(EnumType.STRING)
    public Result result;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "note_sealed")
    public String noteSealed;
}
