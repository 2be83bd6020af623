package io.greenribbon.roster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.LocalTime;

/** One weekly shift of a pattern: a counsellor, a day of week and local start and end times. */
@Entity
@Table(name = "roster_pattern_entry")
public class PatternEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "roster_pattern_entry_seq")
    @SequenceGenerator(name = "roster_pattern_entry_seq", sequenceName = "roster_pattern_entry_seq",
            allocationSize = 50)
    public Long id;

    @Column(name = "pattern_id")
    public Long patternId;

    @Column(name = "counsellor_id")
    public Long counsellorId;

    /** ISO day of week of the start, 1 = Monday. */
    @Column(name = "day_of_week")
    public short dayOfWeek;

    @Column(name = "start_time")
    public LocalTime startTime;

    /** At or before {@link #startTime}: the shift ends the next day. */
    @Column(name = "end_time")
    public LocalTime endTime;
}
