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

/** One timestamped step in the life of a case. The detail holds codes and account names, never identities. */
@Entity
@Table(name = "risk_case_event")
public class RiskCaseEvent {

    public enum Kind {
        OPENED, SCREENED, LEVEL_RAISED, LEVEL_LOWERED, LOWERING_REJECTED, ALERTED, PAGED, PAGE_FAILED, PAGE_UNANSWERED,
        ACKNOWLEDGED, ESCALATED, NO_ONE_ON_DUTY, REALERTED, SUPERVISOR_JOINED_CALL, JOIN_FAILED,
        EMERGENCY_REFERRAL, REFERRAL_UNCONFIRMED, OUTCOME_RECORDED, SAFETY_PLAN_UPDATED, FOLLOW_UP_SCHEDULED,
        FOLLOW_UP_ATTEMPT, FOLLOW_UP_COMPLETED, FOLLOW_UP_LOST, FOLLOW_UP_OVERDUE, BREAK_GLASS, BREAK_GLASS_REVIEWED,
        UNMASK_REQUESTED, UNMASK_APPROVED, UNMASK_REJECTED, NUMBER_DISCLOSED, CLOSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "risk_case_event_seq")
    @SequenceGenerator(name = "risk_case_event_seq", sequenceName = "risk_case_event_seq", allocationSize = 50)
    public Long id;

    @Column(name = "case_id")
    public Long caseId;

    public Instant at;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String actor;

    public String detail;

    static RiskCaseEvent of(long caseId, Instant at, Kind kind, String actor, String detail) {
        RiskCaseEvent e = new RiskCaseEvent();
        e.caseId = caseId;
        e.at = at;
        e.kind = kind;
        e.actor = actor;
        e.detail = detail;
        return e;
    }
}
