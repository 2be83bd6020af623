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

/** An emergency referral to 110, 119 or 120, and whether the emergency services reached the person. */
@Entity
@Table(name = "risk_referral")
public class Referral {

    public enum Outcome { REACHED, NOT_REACHED }

    /** What the counsellor told the emergency service. */
    public enum Shared { LOCATION, PHONE_NUMBER, NAME, SITUATION, MEDICAL }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "risk_referral_seq")
    @SequenceGenerator(name = "risk_referral_seq", sequenceName = "risk_referral_seq", allocationSize = 50)
    public Long id;

    @Column(name = "case_id")
    public Long caseId;

    /** 110, 119 or 120. */
    public String service;

    @Column(name = "referred_at")
    public Instant referredAt;

    @Column(name = "referred_by")
    public String referredBy;

    /** The {@link Shared} items, comma-separated. */
    public String shared;

    @Column(name = "shared_note_sealed")
    public String sharedNoteSealed;

    public String reference;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "outcome_at")
    public Instant outcomeAt;

    @Column(name = "outcome_by")
    public String outcomeBy;

    @Column(name = "outcome_note_sealed")
    public String outcomeNoteSealed;
}
