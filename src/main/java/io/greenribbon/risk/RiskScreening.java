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

/** One C-SSRS screener as answered in a hotline contact or a room session, with the level it gave. */
@Entity
@Table(name = "risk_screening")
public class RiskScreening {

    public enum ImminentBasis { ATTEMPT_IN_PROGRESS, INTENT_PLAN_AND_MEANS }

    public enum Lowering { PENDING, APPROVED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "risk_screening_seq")
    @SequenceGenerator(name = "risk_screening_seq", sequenceName = "risk_screening_seq", allocationSize = 50)
    public Long id;

    @Column(name = "case_id")
    public Long caseId;

    public String division;

    @Column(name = "contact_id")
    public Long contactId;

    @Column(name = "session_id")
    public Long sessionId;

    @Column(name = "screened_by")
    public String screenedBy;

    @Column(name = "screened_at")
    public Instant screenedAt;

    @Column(name = "wished_dead")
    public boolean wishedDead;

    @Column(name = "suicidal_thoughts")
    public boolean suicidalThoughts;

    @Column(name = "thought_of_method")
    public Boolean thoughtOfMethod;

    public Boolean intent;

    @Column(name = "plan_and_intent")
    public Boolean planAndIntent;

    @Column(name = "suicidal_behaviour")
    public boolean suicidalBehaviour;

    @Column(name = "behaviour_recent")
    public Boolean behaviourRecent;

    public boolean imminent;

    @Enumerated(EnumType.STRING)
    @Column(name = "imminent_basis")
    public ImminentBasis imminentBasis;

    @Enumerated(EnumType.STRING)
    @Column(name = "computed_level")
    public RiskLevel computedLevel;

    @Enumerated(EnumType.STRING)
    @Column(name = "requested_level")
    public RiskLevel requestedLevel;

    @Enumerated(EnumType.STRING)
    @Column(name = "final_level")
    public RiskLevel finalLevel;

    @Column(name = "level_reason_sealed")
    public String levelReasonSealed;

    @Enumerated(EnumType.STRING)
    @Column(name = "lowering_status")
    public Lowering lowering;

    @Column(name = "lowering_decided_by")
    public String loweringDecidedBy;

    @Column(name = "lowering_decided_at")
    public Instant loweringDecidedAt;

    @Column(name = "note_sealed")
    public String noteSealed;

    /** The key of the request that recorded it (a form opened once), so that a repeated request records nothing. */
    @Column(name = "request_key")
    public String requestKey;
}
