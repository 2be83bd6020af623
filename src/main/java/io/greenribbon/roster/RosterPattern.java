package io.greenribbon.roster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;

/** A weekly template of shifts on one line, applied to a range of dates. */
@Entity
@Table(name = "roster_pattern")
public class RosterPattern {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "roster_pattern_seq")
    @SequenceGenerator(name = "roster_pattern_seq", sequenceName = "roster_pattern_seq", allocationSize = 50)
    public Long id;

    @Column(name = "line_division")
    public String lineDivision;

    public String name;

    @Column(name = "created_by")
    public String createdBy;

    @Version
    public int version;

    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt = OffsetDateTime.now();
}
