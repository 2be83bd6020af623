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

/**
 * Who is on duty for risk cases of a division, in which post, from when until when (no end: standing).
 * Escalation alerts and pages the people on duty: the division's supervisors, then the county lead, then
 * the city's clinical lead. Access to cases does not come from duty but from the account's role and
 * division.
 */
@Entity
@Table(name = "risk_duty")
public class RiskDuty {

    public enum Post { SUPERVISOR, COUNTY_LEAD, CLINICAL_LEAD }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "risk_duty_seq")
    @SequenceGenerator(name = "risk_duty_seq", sequenceName = "risk_duty_seq", allocationSize = 50)
    public Long id;

    public String division;

    @Enumerated(EnumType.STRING)
    public Post post;

    public String username;

    public String extension;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
}
