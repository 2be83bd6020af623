package io.greenribbon.risk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** A hotline contact or a room session in which the person of a case was seen. */
@Entity
@Table(name = "risk_case_link")
public class RiskCaseLink {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "risk_case_link_seq")
    @SequenceGenerator(name = "risk_case_link_seq", sequenceName = "risk_case_link_seq", allocationSize = 50)
    public Long id;

    @Column(name = "case_id")
    public Long caseId;

    @Column(name = "contact_id")
    public Long contactId;

    @Column(name = "session_id")
    public Long sessionId;

    @Column(name = "linked_at")
    public Instant linkedAt;

    @Column(name = "linked_by")
    public String linkedBy;
}
