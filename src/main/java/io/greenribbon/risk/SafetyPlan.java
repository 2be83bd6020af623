package io.greenribbon.risk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A case's Stanley-Brown safety plan, sealed as one document ({@link SafetyPlanView} in clear). */
@Entity
@Table(name = "risk_safety_plan")
public class SafetyPlan {

    @Id
    @Column(name = "case_id")
    public Long caseId;

    @Column(name = "plan_sealed")
    public String planSealed;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Version
    public int version;
}
